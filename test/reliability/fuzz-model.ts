// The conversion model of test/node/conversion-fuzz.test.ts (its seeded generators and
// comparators, both sides), imported rather than copied: that file is a test file, so its model
// section is cut out between two fixed markers and loaded as a module. If the markers move, this
// fails loudly instead of fuzzing against a stale copy.
import { readFileSync } from "node:fs";
import ts from "typescript";

const FILE = new URL("../node/conversion-fuzz.test.ts", import.meta.url);
const START = "const PY_FUZZ = String.raw`";
const END = "\nlet py: PythonRuntime;";

export interface FuzzModel {
  /** Python source defining gen, Cmp, check, check_unchanged, FuzzBatch, roundtrip_in_python. */
  PY_FUZZ: string;
  jsGen(seed: number): unknown;
  jsDiff(orig: unknown, back: unknown): string | null;
  isContainer(v: unknown): boolean;
  /** Whether toPy meets a plain object whose `constructor` is null (a TypeError, as in Pyodide). */
  meetsNullConstructor(v: unknown): boolean;
  show(v: unknown, max?: number): string;
  expectedPrimitive(v: unknown): unknown;
  /** The model's seeded PRNG (mulberry32): floats in [0, 1). */
  prng(seed: number): () => number;
}

export async function loadFuzzModel(): Promise<FuzzModel> {
  const source = readFileSync(FILE, "utf8");
  const start = source.indexOf(START);
  const end = source.indexOf(END, start);
  if (start < 0 || end < 0) throw new Error(`${FILE.pathname}: the model markers ${JSON.stringify(START)} / ${JSON.stringify(END)} are gone`);
  const body = source.slice(start, end) + "\nexport { PY_FUZZ, jsGen, jsDiff, isContainer, meetsNullConstructor, show, expectedPrimitive, prng };\n";
  const js = ts.transpileModule(body, { compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 } }).outputText;
  return (await import(`data:text/javascript;base64,${Buffer.from(js).toString("base64")}`)) as FuzzModel;
}
