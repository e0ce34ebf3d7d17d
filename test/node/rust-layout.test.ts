// The layout of rust/src (docs/architecture.md): folders by concern, layered, with no circle
// between folders. A module's folder is its first path segment under rust/src; an edge is every
// `crate::<folder>` path in its code (comments aside), which is how the crate's modules name
// each other. lib.rs, the crate root, only declares the folders.
import { readdirSync, readFileSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, test } from "vitest";
import { findCycles, formatCycle, layerOrder, type Edge } from "./layout-graph.js";

const srcDir = resolve(import.meta.dirname, "../../rust/src");

interface Use {
  file: string;
  folder: string;
  to: string;
}

function uses(): Use[] {
  const files = readdirSync(srcDir, { recursive: true, encoding: "utf8" })
    .map((f) => f.split("\\").join("/"))
    .filter((f) => f.endsWith(".rs") && f.includes("/"));
  const out: Use[] = [];
  for (const file of files) {
    const code = readFileSync(resolve(srcDir, file), "utf8")
      .split("\n")
      .map((line) => line.replace(/\/\/.*$/, ""))
      .join("\n");
    const folder = file.slice(0, file.indexOf("/"));
    for (const m of code.matchAll(/\bcrate::([a-z_]+)/g)) out.push({ file, folder, to: m[1] });
    // `use crate::{a::x, b::y}` names several folders at once.
    for (const m of code.matchAll(/\bcrate::\{([^}]*)\}/g)) {
      for (const part of m[1].split(",")) {
        const name = part.trim().split("::")[0];
        if (name !== "") out.push({ file, folder, to: name });
      }
    }
  }
  return out;
}

describe("rust/src", () => {
  const all = uses();
  const folders = new Set(readdirSync(srcDir, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name));
  const edges: Edge[] = all.filter((u) => folders.has(u.to)).map((u) => [u.folder, u.to]);

  test("every module lives in a folder, and every crate path names one", () => {
    const atTop = readdirSync(srcDir).filter((f) => f.endsWith(".rs"));
    expect(atTop).toEqual(["lib.rs"]);
    expect(all.filter((u) => !folders.has(u.to)).map((u) => `${u.file}: crate::${u.to}`)).toEqual([]);
    expect(edges.length).toBeGreaterThan(50);
  });

  test("no import circle between folders", () => {
    const where = (cycle: string[]) =>
      cycle.slice(0, -1).map((from, k) => {
        const files = [...new Set(all.filter((u) => u.folder === from && u.to === cycle[k + 1]).map((u) => u.file))];
        return `  ${from} -> ${cycle[k + 1]}: ${files.join(", ")}`;
      });
    expect(findCycles(edges).map((c) => [formatCycle(c), ...where(c)].join("\n"))).toEqual([]);
  });

  test("the folders' layering is the one docs/architecture.md and lib.rs give", () => {
    expect(layerOrder(edges)).toEqual(["host", "state", "crossing", "convert", "jsproxy", "pyproxy", "runtime"]);
  });
});
