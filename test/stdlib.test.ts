// The standard library is a packed archive mounted in every runtime's file system: modules are
// inflated and compiled on first import, and compiled code is shared with later runtimes.

import { describe, expect, test } from "vitest";
import { loadPython } from "../dist/index.js";
import { startPython } from "./helpers.js";

const STDLIB = "/lib/python3.14";

describe("the packed standard library", () => {
  // First in this file: the archive is loaded once per JS realm, and a failed load is retried.
  test("a missing archive is a clear error, and loading again with the right URL works", async () => {
    const missing = new URL("./no-such-stdlib.bin", import.meta.url);
    await expect(loadPython({ stdlibUrl: missing })).rejects.toThrow(/the Python standard library/);
    const { py } = await startPython();
    expect(py.runPython("1 + 1")).toBe(2);
  });

  test("is on sys.path and visible as files; common modules import", async () => {
    const { py } = await startPython();
    expect(py.runPython("import sys; sys.path").toJs()).toEqual(["/home/user", STDLIB]);
    expect(py.FS.readdir(STDLIB)).toContain("asyncio");
    expect(py.FS.readFile(`${STDLIB}/json/__init__.py`, { encoding: "utf8" })).toContain("def dumps");
    expect(py.runPython("import json, re, dataclasses, asyncio; json.dumps({'a': re.sub('x', 'y', 'xx')})")).toBe(
      '{"a": "yy"}',
    );
    // Precompiled at build time: the bytecode is there before the first import.
    expect(py.FS.exists(`${STDLIB}/json/__pycache__/__init__.cpython-314.pyc`)).toBe(true);
  });

  test("codecs beyond utf-8/ascii/latin-1 load the encodings package on first use", async () => {
    const { py } = await startPython();
    expect(py.runPython("'é€'.encode('cp1252')").toString()).toBe("b'\\xe9\\x80'");
    expect(py.runPython("import codecs; codecs.lookup('utf-16').name")).toBe("utf-16");
    expect(() => py.runPython("'x'.encode('no-such-codec')")).toThrow(/LookupError: unknown encoding: no.such.codec/);
  });

  test("a module compiled on first import is shared with runtimes created later", async () => {
    const { py: first } = await startPython();
    const pyc = `${STDLIB}/__pycache__/colorsys.cpython-314.pyc`;
    expect(first.FS.exists(pyc)).toBe(false);
    expect(first.runPython("import colorsys; colorsys.rgb_to_hsv(1, 0, 0)").toJs()).toEqual([0, 1, 1]);
    expect(first.FS.exists(pyc)).toBe(true);
    const { py: later } = await startPython();
    expect(later.FS.exists(pyc)).toBe(true);
    expect(later.runPython("import colorsys; colorsys.__cached__")).toBe(pyc);
  });

  test("stdlib files can be read and changed like any other file", async () => {
    const { py } = await startPython();
    py.runPython(`
import os
path = os.path.join('${STDLIB}', 'this.py')
with open(path) as f:
    head = f.read(50)
with open(path, 'a') as f:
    f.write('\\nPATCHED = True\\n')`);
    expect(py.runPython("head").length).toBe(50);
    expect(py.runPython("import this as zen; zen.PATCHED")).toBe(true);
  });
});
