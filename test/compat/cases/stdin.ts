// Standard input: Pyodide's setStdin (a handler's strings, bytes, numbers and end of file;
// error: true; isatty) and sys.stdin closed by exit(). Each case ends with a handler at end of
// file: the default would read the process's own stdin in Node. compat.test.ts runs this suite
// before "errors", whose exit() cases close sys.stdin for good (as CPython's exit() does).
import { dedent as py } from "../case-helpers.js";
import type { CompatCase } from "../runner.js";

export const stdin: CompatCase[] = [
  {
    // A character split across two byte chunks is left out: the end of file after the first
    // half makes it U+FFFD here, surrogate escapes in Pyodide (docs/compatibility.md).
    name: "setStdin: a string is a line, bytes and numbers are UTF-8, null is end of file",
    run: (c) => {
      const items: unknown[] = ["first", "two\nlines", new Uint8Array([0x68, 0xc3, 0xa9]), new Uint8Array([0x0a]), 0x21, 0x0a, "", null, "after"];
      let calls = 0;
      c.py.setStdin({ stdin: () => (calls++, items.shift()) });
      try {
        const read = c.run(py(`
          import sys
          stdin_seen = [input(), sys.stdin.readline(), sys.stdin.read(2), sys.stdin.readline(), input(), input(), input()]
          try:
              input()
          except EOFError as e:
              stdin_seen.append(type(e).__name__)
          stdin_seen.append(sys.stdin.read())
          repr(stdin_seen)
        `));
        return [read, calls];
      } finally {
        c.py.setStdin({ stdin: () => null });
      }
    },
  },
  {
    name: "setStdin: error: true and a throwing handler are OSError [Errno 29]; isatty is what it says",
    run: (c) => {
      const console_error = console.error;
      console.error = () => {};
      try {
        c.py.setStdin({ error: true });
        const failing = c.run("try:\n  input()\nexcept OSError as e:\n  stdin_e = (type(e).__name__, e.errno)\nrepr(stdin_e)");
        c.py.setStdin({ stdin: () => { throw new Error("no keyboard"); } });
        const throwing = c.run("import sys\ntry:\n  sys.stdin.readline()\nexcept OSError as e:\n  stdin_e = (type(e).__name__, e.errno)\nrepr(stdin_e)");
        c.py.setStdin({ stdin: () => null, isatty: true });
        const tty = c.run("sys.stdin.isatty()");
        c.py.setStdin({ stdin: () => null });
        return [failing, throwing, tty, c.run("sys.stdin.isatty()")];
      } finally {
        console.error = console_error;
        c.py.setStdin({ stdin: () => null });
      }
    },
  },
  {
    name: "exit() closes sys.stdin for good (site's Quitter), and reading it then is a ValueError",
    run: (c) => {
      c.py.setStdin({ stdin: () => "never read" });
      try {
        return c.run(py(`
          import sys
          try:
              exit(0)
          except SystemExit:
              pass
          try:
              input()
          except ValueError as e:
              stdin_closed = (sys.stdin.closed, str(e))
          repr(stdin_closed)
        `));
      } finally {
        c.py.setStdin({ stdin: () => null });
      }
    },
  },
];
