// The .pyi stubs in python-stubs/ (shipped in the package) checked by pyright: the samples in
// test/python-stubs/good/ type-check with no error and run in the runtime (so the stubs describe
// what exists), and each line marked `# error` in test/python-stubs/bad/ is an error.
import { execFileSync } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { startPython, type Captured } from "../helpers.js";

const root = resolve(import.meta.dirname, "../..");
const samples = join(root, "test/python-stubs");

interface Diagnostic {
  file: string;
  severity: string;
  message: string;
  range: { start: { line: number } };
}

/** pyright's errors and warnings for `paths`, as "file:line: message". */
function pyright(...paths: string[]): string[] {
  let out: string;
  try {
    out = execFileSync(join(root, "node_modules/.bin/pyright"), ["--outputjson", "-p", join(samples, "pyrightconfig.json"), ...paths], {
      cwd: samples,
      stdio: "pipe",
    }).toString();
  } catch (e: any) {
    out = `${e.stdout}`; // exit status 1 when there are errors
  }
  const report = JSON.parse(out) as { generalDiagnostics: Diagnostic[] };
  return report.generalDiagnostics
    .filter((d) => d.severity !== "information")
    .map((d) => `${d.file.slice(root.length + 1)}:${d.range.start.line + 1}: ${d.message.split("\n")[0]}`);
}

const good = readdirSync(join(samples, "good")).filter((f) => f.endsWith(".py"));

test("the stubs themselves check clean", () => {
  expect(pyright(join(root, "python-stubs"))).toEqual([]);
});

test("the samples that use the stubs check clean", () => {
  expect(good.length).toBeGreaterThan(0);
  expect(pyright(join(samples, "good"))).toEqual([]);
});

test("each line marked `# error` is a pyright error, and only those", () => {
  const bad = join(samples, "bad");
  const expected: string[] = [];
  for (const f of readdirSync(bad).filter((f) => f.endsWith(".py"))) {
    readFileSync(join(bad, f), "utf8").split("\n").forEach((line, i) => {
      if (!line.startsWith("#") && /# error\b/.test(line)) expected.push(`test/python-stubs/bad/${f}:${i + 1}`);
    });
  }
  expect(expected.length).toBeGreaterThan(0);
  const found = pyright(bad).map((d) => d.split(": ")[0]);
  expect([...new Set(found)].sort()).toEqual(expected.sort());
});

describe("the samples run in the runtime", () => {
  let c: Captured;
  beforeAll(async () => {
    c = await startPython();
  });
  afterAll(() => expect(c.err).toEqual([]));

  test.each(good)("%s", (file) => {
    const source = readFileSync(join(samples, "good", file), "utf8");
    c.py.runPython(source, { globals: c.py.toPy({}), filename: file });
  });
});
