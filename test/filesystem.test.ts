import { beforeAll, describe, expect, test } from "vitest";
import { FSError, type PythonRuntime } from "../dist/index.js";
import { startPython, thrown } from "./helpers.js";

let py: PythonRuntime;
beforeAll(async () => {
  ({ py } = await startPython({ files: { "/data/seed.txt": "seeded", "/home/user/pkgmod.py": "VALUE = 7\n" } }));
});

const STDLIB = (
  "os os.path sys io json re math random datetime time collections itertools functools dataclasses typing " +
  "enum abc contextlib traceback inspect asyncio pathlib logging textwrap string struct array base64 hashlib " +
  "decimal fractions statistics heapq bisect copy weakref warnings tempfile shutil glob unittest"
).split(" ");

describe("standard library", () => {
  test.each(STDLIB)("import %s", (name) => {
    expect(py.runPython(`import ${name}\nimport sys\n'${name}' in sys.modules`)).toBe(true);
  });
  test("modules work, not only import", () => {
    expect(py.runPython("import json; json.dumps({'a': [1, 2]})")).toBe('{"a": [1, 2]}');
    expect(py.runPython("import re; re.sub(r'\\d+', '#', 'a1b22')")).toBe("a#b#");
    expect(py.runPython("import dataclasses\n@dataclasses.dataclass\nclass P:\n    x: int\nrepr(P(1))")).toBe("P(x=1)");
    expect(py.runPython("import statistics; statistics.mean([1, 2, 3, 4])")).toBe(2.5);
    expect(py.runPython("import hashlib; hashlib.sha256(b'abc').hexdigest()[:8]")).toBe("ba7816bf");
    expect(py.runPython("import decimal; str(decimal.Decimal('1.1') + decimal.Decimal('2.2'))")).toBe("3.3");
    expect(py.runPython("import traceback\ntry:\n    1/0\nexcept ZeroDivisionError:\n    s = traceback.format_exc()\ns.splitlines()[-1]")).toBe("ZeroDivisionError: division by zero");
    expect(py.runPython("import inspect\ndef f(a, b=2): pass\nstr(inspect.signature(f))")).toBe("(a, b=2)");
    expect(py.runPython("import time; t = time.monotonic(); time.sleep(0.01); time.monotonic() - t >= 0.01")).toBe(true);
  });
  test("randomness comes from the platform's crypto source", () => {
    expect(py.runPython("import os; len(os.urandom(16))")).toBe(16);
    expect(py.runPython("import os; os.urandom(16) != os.urandom(16)")).toBe(true);
    expect(py.runPython("import random; 0 <= random.random() < 1")).toBe(true);
  });
  test("threads are refused clearly", () => {
    expect(() => py.runPython("import threading; threading.Thread(target=print).start()")).toThrow(/can't start new thread/);
  });
});

describe("files from Python", () => {
  test("text: write, read, append, seek", () => {
    expect(py.runPython(`
with open("notes.txt", "w") as f:
    f.write("hello")
with open("notes.txt", "a") as f:
    f.write(" world")
with open("notes.txt", "r+") as f:
    f.seek(6)
    f.write("W")
    f.seek(0)
    text = f.read()
text`)).toBe("hello World");
  });
  test("binary round trip and tell", () => {
    expect(py.runPython(`
with open("/tmp/b.bin", "wb") as f:
    f.write(bytes(range(256)))
    pos = f.tell()
with open("/tmp/b.bin", "rb") as f:
    f.seek(250)
    tail = f.read()
(pos, list(tail))`).toString()).toBe("(256, [250, 251, 252, 253, 254, 255])");
  });
  test("the working directory is the home folder, on sys.path", () => {
    expect(py.runPython("import os; os.getcwd()")).toBe("/home/user");
    expect(py.runPython("import sys; '/home/user' in sys.path")).toBe(true);
    expect(py.runPython("import pkgmod; pkgmod.VALUE")).toBe(7);
  });
  test("OSError subclasses carry errno, strerror and filename", () => {
    const check = (code: string) => py.runPython(`
import errno
try:
    ${code}
except OSError as e:
    r = f"{type(e).__name__} {errno.errorcode[e.errno]} {e.strerror} {e.filename}"
r`);
    expect(check("open('/missing.txt')")).toBe("FileNotFoundError ENOENT No such file or directory /missing.txt");
    expect(check("open('/tmp', 'w')")).toBe("IsADirectoryError EISDIR Is a directory /tmp");
    expect(check("import os; os.mkdir('/tmp')")).toBe("FileExistsError EEXIST File exists /tmp");
    expect(check("import os; os.rmdir('/home')")).toBe("OSError ENOTEMPTY Directory not empty /home");
    expect(check("import os; os.listdir('/data/seed.txt')")).toBe("NotADirectoryError ENOTDIR Not a directory /data/seed.txt");
  });
  test("os, pathlib, shutil, tempfile and glob on the same tree", () => {
    expect(py.runPython(`
import os, pathlib, shutil, tempfile, glob
p = pathlib.Path("/tmp/tree/sub")
p.mkdir(parents=True)
(p / "a.txt").write_text("A")
shutil.copy(p / "a.txt", "/tmp/tree/b.txt")
d = tempfile.mkdtemp()
os.rename("/tmp/tree/b.txt", d + "/c.txt")
found = sorted(glob.glob("/tmp/tree/**/*.txt", recursive=True))
walked = [(root, sorted(files)) for root, dirs, files in os.walk("/tmp/tree")]
shutil.rmtree("/tmp/tree")
(found, walked, open(d + "/c.txt").read(), os.path.exists("/tmp/tree"))`).toString()).toBe(
      "(['/tmp/tree/sub/a.txt'], [('/tmp/tree', []), ('/tmp/tree/sub', ['a.txt'])], 'A', False)",
    );
  });
  test("os.stat reports sizes and kinds", () => {
    expect(py.runPython("import os, stat; s = os.stat('/data/seed.txt'); (s.st_size, stat.S_ISREG(s.st_mode), stat.S_ISDIR(os.stat('/data').st_mode))").toString()).toBe("(6, True, True)");
  });
  test("no descriptor leaks", () => {
    py.runPython("for i in range(50):\n    open('/data/seed.txt').read()");
    expect(py.stats().openFiles).toBe(0);
  });
});

describe("files from JavaScript (py.FS)", () => {
  test("the same files Python sees, both ways", () => {
    py.FS.writeFile("/home/user/from_js.txt", "written by JS");
    expect(py.runPython("open('from_js.txt').read()")).toBe("written by JS");
    py.runPython("open('/tmp/from_py.bin', 'wb').write(b'\\x00\\x01\\xff')");
    expect(Array.from(py.FS.readFile("/tmp/from_py.bin"))).toEqual([0, 1, 255]);
    expect(py.FS.readFile("/data/seed.txt", { encoding: "utf8" })).toBe("seeded");
  });
  test("a module written from JS is importable", () => {
    py.FS.writeFile("/home/user/mod.py", "def f(x): return x * 2\n");
    expect(py.runPython("import mod; mod.f(21)")).toBe(42);
  });
  test("mkdir (with parents), readdir, rename, unlink, rmdir, stat, exists", () => {
    py.FS.mkdir("/work/a/b", { recursive: true });
    py.FS.writeFile("/work/a/b/f.txt", "1234");
    expect(py.FS.readdir("/work/a")).toEqual(["b"]);
    expect(py.FS.stat("/work/a/b/f.txt").size).toBe(4);
    expect(py.FS.stat("/work/a/b/f.txt").isFile()).toBe(true);
    expect(py.FS.stat("/work/a").isDirectory()).toBe(true);
    py.FS.rename("/work/a/b/f.txt", "/work/g.txt");
    expect(py.FS.exists("/work/g.txt")).toBe(true);
    expect(py.runPython("import os; sorted(os.listdir('/work'))").toString()).toBe("['a', 'g.txt']");
    py.FS.unlink("/work/g.txt");
    py.FS.rmdir("/work/a/b");
    expect(py.FS.exists("/work/a/b")).toBe(false);
  });
  test("errors are FSErrors naming the path and the cause", () => {
    const caught = thrown(() => py.FS.readFile("/no/such/file"));
    expect(caught).toBeInstanceOf(FSError);
    expect(caught).toBeInstanceOf(Error);
    expect(caught.code).toBe("ENOENT");
    expect(caught.errno).toBe(2);
    expect(caught.path).toBe("/no/such/file");
    expect(caught.message).toBe("ENOENT: no such file or directory, open '/no/such/file'");
    expect(() => py.FS.mkdir("/tmp")).toThrow(/EEXIST: file exists, mkdir '\/tmp'/);
    expect(() => py.FS.rmdir("/home")).toThrow(/ENOTEMPTY/);
    expect(() => py.FS.writeFile("/nope/x.txt", "x")).toThrow(/ENOENT/);
  });
});
