// The layout of js/ (docs/architecture.md): folders by concern, layered, with no import circle
// between folders. Every import and re-export of every module under js/ counts, `import type` and
// `import("…")` types included: a type-only circle is still a circle for a reader (and none is
// needed). A file's folder is its first path segment under js/; a file at the top of js/ is a node
// of its own, either an entry point (it imports folders, and no folder imports it: index.ts,
// ffi.ts) or a leaf (it imports nothing, so any folder may import it: default-urls.ts).
import { readdirSync, readFileSync } from "node:fs";
import { posix, resolve } from "node:path";
import ts from "typescript";
import { describe, expect, test } from "vitest";
import { findCycles, formatCycle, layerOrder, type Edge } from "./layout-graph.js";

const root = resolve(import.meta.dirname, "../..");
const jsDir = resolve(root, "js");

/** A module's node: its folder under js/, or the file itself at the top. */
function nodeOf(file: string): string {
  const slash = file.indexOf("/");
  return slash < 0 ? file : file.slice(0, slash);
}

/** The relative module specifiers `source` imports, re-exports or names in an `import("…")` type. */
function specifiers(fileName: string, source: string): string[] {
  const sf = ts.createSourceFile(fileName, source, ts.ScriptTarget.Latest, false);
  const found: string[] = [];
  const literal = (node: ts.Node | undefined) => {
    if (node !== undefined && ts.isStringLiteralLike(node)) found.push(node.text);
  };
  const visit = (node: ts.Node): void => {
    if (ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) literal(node.moduleSpecifier);
    else if (ts.isImportEqualsDeclaration(node) && ts.isExternalModuleReference(node.moduleReference)) literal(node.moduleReference.expression);
    else if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument)) literal(node.argument.literal);
    else if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword) literal(node.arguments[0]);
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return found.filter((s) => s.startsWith("."));
}

interface Import {
  from: string;
  to: string;
}

/** Every import between modules of js/ (the TS sources, and the generated glue's JS under wasm/). */
function imports(): Import[] {
  const files = readdirSync(jsDir, { recursive: true, encoding: "utf8" })
    .map((f) => f.split("\\").join("/"))
    .filter((f) => (f.endsWith(".ts") && !f.endsWith(".d.ts")) || (f.startsWith("wasm/") && f.endsWith(".js")));
  // The generated declarations under wasm/ can be imported (options.d.ts has no JS), but are
  // not scanned: the option types declared in Rust name TS-layer types (PyProxy, StdinResult)
  // through type-only imports that describe the TS layer's own API and are erased.
  const declarations = readdirSync(resolve(jsDir, "wasm")).filter((f) => f.endsWith(".d.ts")).map((f) => `wasm/${f}`);
  const known = new Set([...files, ...declarations]);
  const out: Import[] = [];
  for (const file of files) {
    for (const spec of specifiers(file, readFileSync(resolve(jsDir, file), "utf8"))) {
      const target = posix.normalize(posix.join(posix.dirname(file), spec));
      if (target.startsWith("../")) throw new Error(`${file} imports ${spec}, outside js/`);
      // TS sources import each other as ".js"; the glue under wasm/ is JS.
      const to = [target, target.replace(/\.js$/, ".ts"), target.replace(/\.js$/, ".d.ts")].find((t) => known.has(t)) ?? target;
      if (!known.has(to)) throw new Error(`${file} imports ${spec}, which is not a module of js/`);
      out.push({ from: file, to });
    }
  }
  return out;
}

describe("the folder graph's helper (layout-graph.ts)", () => {
  test("reports a circle, naming its folders in order", () => {
    const edges: Edge[] = [["a", "b"], ["b", "c"], ["c", "a"], ["c", "d"], ["d", "d"], ["e", "a"]];
    expect(findCycles(edges)).toEqual([["a", "b", "c", "a"]]);
    expect(formatCycle(findCycles(edges)[0])).toBe("a -> b -> c -> a");
    expect(() => layerOrder(edges)).toThrow("import circles between folders: a -> b -> c -> a");
  });

  test("reports each separate circle, and the shortest way round", () => {
    const edges: Edge[] = [["x", "y"], ["y", "x"], ["p", "q"], ["q", "r"], ["r", "p"], ["p", "r"]];
    expect(findCycles(edges)).toEqual([["p", "r", "p"], ["x", "y", "x"]]);
  });

  test("finds none in a layered graph, whose order it gives (an import within a folder is no circle)", () => {
    const edges: Edge[] = [["top", "mid"], ["mid", "base"], ["top", "base"], ["mid", "mid"], ["base", "base"]];
    expect(findCycles(edges)).toEqual([]);
    expect(layerOrder(edges)).toEqual(["base", "mid", "top"]);
  });
});

describe("js/", () => {
  const all = imports();
  const edges: Edge[] = all.map((i) => [nodeOf(i.from), nodeOf(i.to)]);

  test("the scan sees the imports (type-only ones too)", () => {
    const has = (from: string, to: string) => all.some((i) => i.from === from && i.to === to);
    expect(has("index.ts", "runtime/runtime.ts")).toBe(true);
    expect(has("worker/worker-side.ts", "runtime/runtime.ts")).toBe(true);
    // `import type { PyProxy } from "./pyproxy.js"`
    expect(has("pyproxy/once-callable.ts", "pyproxy/pyproxy.ts")).toBe(true);
    expect(new Set(edges.map(([from]) => from))).toEqual(new Set(["index.ts", "ffi.ts", "crossing", "pyproxy", "convert", "runtime", "worker", "wasm"]));
  });

  test("no import circle between folders", () => {
    const cycles = findCycles(edges);
    const where = (cycle: string[]) =>
      cycle.slice(0, -1).map((from, k) => {
        const to = cycle[k + 1];
        const files = all.filter((i) => nodeOf(i.from) === from && nodeOf(i.to) === to).map((i) => `${i.from} -> ${i.to}`);
        return `  ${from} -> ${to}: ${files.join(", ")}`;
      });
    expect(cycles.map((c) => [formatCycle(c), ...where(c)].join("\n"))).toEqual([]);
  });

  test("no folder imports an entry point (a top-level file that imports a folder)", () => {
    const entryPoints = new Set(all.filter((i) => !i.from.includes("/") && i.to.includes("/")).map((i) => i.from));
    expect(entryPoints).toEqual(new Set(["index.ts", "ffi.ts"]));
    const pkg = JSON.parse(readFileSync(resolve(root, "package.json"), "utf8"));
    expect(pkg.exports["."].import).toBe("./dist/index.js");
    expect(all.filter((i) => i.from.includes("/") && entryPoints.has(i.to)).map((i) => `${i.from} -> ${i.to}`)).toEqual([]);
  });

  test("the folders' layering is the one docs/architecture.md gives", () => {
    const folders = layerOrder(edges).filter((n) => !n.endsWith(".ts"));
    expect(folders).toEqual(["wasm", "crossing", "pyproxy", "convert", "runtime", "worker"]);
  });
});
