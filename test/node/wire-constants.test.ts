// The numbers that cross a language boundary are declared once, in rust/src/wire.rs. The only
// hand copy is in the core's JS snippet (rust/src/host/helpers.js, imported by the glue before the
// declarations exist): each of its constants must equal the declaration it copies. The Python
// side reads them from `_pyffi.JS_FLAGS`, checked here too.
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { beforeAll, expect, test } from "vitest";
import { JsFlag, ValueKind, WireLimit, WireOp } from "../../dist/wasm/core.js";
import { startPython, type Captured } from "../helpers.js";

const helpers = readFileSync(resolve(import.meta.dirname, "../../rust/src/host/helpers.js"), "utf8");

/** Every `const NAME = <number or 1 << n>;` of the snippet. */
function snippetConstants(): Map<string, number> {
  const found = new Map<string, number>();
  for (const m of helpers.matchAll(/^const ([A-Z_]+) = (\d+)(?: << (\d+))?;/gm)) {
    found.set(m[1], m[3] === undefined ? Number(m[2]) : Number(m[2]) << Number(m[3]));
  }
  return found;
}

const camel = (name: string) => name.toLowerCase().replace(/(^|_)([a-z])/g, (_, __, c: string) => c.toUpperCase());

test("the snippet's value kinds are ValueKind's", () => {
  const constants = snippetConstants();
  const kinds: Record<string, number> = {
    NULLISH: ValueKind.Nullish, FALSE: ValueKind.False, TRUE: ValueKind.True, NUMBER: ValueKind.Number,
    STRING: ValueKind.String, BIGINT: ValueKind.BigInt, PYPROXY: ValueKind.PyProxy,
    ROUNDTRIP_PYPROXY: ValueKind.RoundtripPyProxy, OBJECT: ValueKind.Object, FLAG_SHIFT: ValueKind.FlagShift,
    READ_MISSING: ValueKind.ReadMissing,
  };
  for (const [name, value] of Object.entries(kinds)) expect([name, constants.get(name)]).toEqual([name, value]);
});

test("the snippet's capability flags are JsFlag's, and it has every flag JS computes", () => {
  const constants = snippetConstants();
  const jsComputed = Object.entries(JsFlag).filter(([k, v]) => typeof v === "number" && isNaN(Number(k)) && (v as number) < JsFlag.DoubleProxy);
  expect(jsComputed.length).toBe(20);
  for (const [name, value] of jsComputed) {
    const copy = [...constants].find(([k]) => camel(k) === name);
    expect([name, copy?.[1]]).toEqual([name, value]);
  }
});

test("the numbering is one for both conversion directions and fits the op bits", () => {
  const ops = Object.values(WireOp).filter((v): v is number => typeof v === "number");
  expect(new Set(ops).size).toBe(ops.length);
  expect(Math.max(...ops)).toBeLessThan(1 << WireLimit.OpBits);
  expect(WireLimit.KeyNew & WireLimit.KeyRef).toBe(0);
  expect(WireLimit.KeyNew).toBeLessThan(WireLimit.ArgLimit);
});

let c: Captured;
beforeAll(async () => {
  c = await startPython();
});

test("Python's JS_FLAGS are JsFlag's, under the same names", () => {
  const table = c.py.runPython("import _pyffi\n_pyffi.JS_FLAGS").toJs({ dict_converter: Object.fromEntries });
  const expected = Object.fromEntries(
    Object.entries(JsFlag).filter(([k, v]) => typeof v === "number" && isNaN(Number(k))).map(([k, v]) => [k.replace(/([a-z])([A-Z])/g, "$1_$2").toUpperCase(), v]),
  );
  expect(table).toEqual(expected);
  expect(c.py.runPython("import _pyffi_jsproxy\n_pyffi_jsproxy.MODULE")).toBe(JsFlag.Module);
});

test("the CoreHooks interface of core.d.ts names exactly the hooks the core imports", () => {
  const rust = readFileSync(resolve(import.meta.dirname, "../../rust/src/host/js_imports.rs"), "utf8");
  const block = rust.slice(rust.indexOf("pub type Hooks;"));
  const imported: string[] = [];
  let jsName: string | undefined;
  for (const line of block.split("\n")) {
    const attr = /#\[wasm_bindgen\(method[^\]]*?js_name = (\w+)/.exec(line);
    if (attr) jsName = attr[1];
    // A signature may wrap after "(": the receiver is then on the next line.
    const fn = /pub fn (\w+)\((this: &Hooks|$)/.exec(line);
    if (fn) {
      imported.push(jsName ?? fn[1]);
      jsName = undefined;
    }
  }
  const dts = readFileSync(resolve(import.meta.dirname, "../../dist/wasm/core.d.ts"), "utf8");
  const body = dts.slice(dts.indexOf("export interface CoreHooks {"), dts.indexOf("\n}", dts.indexOf("export interface CoreHooks {")));
  const declared = [...body.matchAll(/^ +(\w+)\(/gm)].map((m) => m[1]);
  expect(imported.length).toBeGreaterThan(10);
  expect([...declared].sort()).toEqual([...imported].sort());
});
