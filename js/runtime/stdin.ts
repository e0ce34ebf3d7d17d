// Python's standard input (`sys.stdin`, `input()`): where it comes from, with Pyodide's
// `setStdin` semantics. The core asks for one chunk at a time (rust/python/_pyffi_io.py).

import { argumentError, checkOptionalBoolean, checkOptionalFunction, checkOptions } from "./check-args.js";
import { isNode, loadedNodeFs } from "./host.js";

/** What a stdin handler may return: a line, bytes, one byte, or null/undefined at end of file. */
export type StdinResult = string | ArrayBuffer | ArrayBufferView | number | null | undefined;

/** `py.setStdin`'s options (Pyodide's names). */
export interface StdinOptions {
  /**
   * Called each time Python needs more input. A string is one line (a newline is added when it
   * has none); bytes (a Uint8Array, any ArrayBufferView or ArrayBuffer) are UTF-8, taken as they
   * are, and end the line when they do not end with a newline (an empty buffer is end of file);
   * a number is one byte; null or undefined is end of file. As Pyodide's `setStdin`.
   */
  stdin?: () => StdinResult;
  /** Reading stdin fails with `OSError: [Errno 29] I/O error`. */
  error?: boolean;
  /** What `sys.stdin.isatty()` answers (default false). */
  isatty?: boolean;
}

/** What the core calls: the next chunk of text (null at end of file), and `isatty`. */
export interface StdinSource {
  read(): string | null;
  readonly isatty: boolean;
}

const EOF: StdinSource = { read: () => null, isatty: false };

/**
 * The source `options` describe, as `setStdin` takes them (checked; `method` names the caller in
 * errors). No options: the default, as in Pyodide — the process's stdin in Node, `prompt()`
 * where the host has one (a browser's main thread), else end of file.
 */
export function stdinSource(method: string, options: unknown): StdinSource {
  const o = checkOptions<StdinOptions>(method, "options", options);
  const stdin = checkOptionalFunction<() => StdinResult>(method, "stdin", o.stdin);
  const error = checkOptionalBoolean(method, "error", o.error);
  const isatty = checkOptionalBoolean(method, "isatty", o.isatty) ?? false;
  if (stdin !== undefined && error) throw new TypeError(`${method}: at most one of stdin and error may be given`);
  if (error) {
    return {
      read: () => {
        throw new Error("stdin is set to fail");
      },
      isatty,
    };
  }
  if (stdin !== undefined) return handlerSource(() => stdin.call(o), isatty);
  return defaultSource();
}

/** `loadPython`'s `stdin` option: a handler, or undefined for the default. */
export function loadOptionSource(stdin: unknown): StdinSource {
  if (stdin !== undefined && typeof stdin !== "function") throw argumentError("loadPython", "stdin", "a function", stdin);
  return stdin === undefined ? defaultSource() : handlerSource(stdin as () => StdinResult, false);
}

/** `autoEof`: bytes that do not end a line are followed by an end of file (a user's handler). */
function handlerSource(handler: () => StdinResult, isatty: boolean, autoEof = true): StdinSource {
  // Numbers are single bytes, which may be part of a UTF-8 sequence: one decoder per source
  // carries an unfinished one to the next chunk.
  const decoder = new TextDecoder();
  // As in Pyodide, bytes that do not end a line are followed by an end of file (so `input()`
  // returns them as a line); an empty buffer is one.
  let endOfFileNext = false;
  const endOfFile = () => {
    const rest = decoder.decode();
    return rest === "" ? null : rest;
  };
  return {
    isatty,
    read() {
      if (endOfFileNext) {
        endOfFileNext = false;
        return endOfFile();
      }
      let result: StdinResult;
      try {
        result = handler();
      } catch (e) {
        // The core turns the throw into an OSError; the cause would be lost there.
        console.error("stdin handler threw:", e);
        throw e;
      }
      if (result === null || result === undefined) return endOfFile();
      if (typeof result === "string") return result.endsWith("\n") ? result : `${result}\n`;
      if (typeof result === "number") return decoder.decode(new Uint8Array([result]), { stream: true });
      if (result instanceof ArrayBuffer || ArrayBuffer.isView(result)) {
        const bytes = result instanceof ArrayBuffer ? new Uint8Array(result) : new Uint8Array(result.buffer, result.byteOffset, result.byteLength);
        if (bytes.length === 0) return endOfFile();
        endOfFileNext = autoEof && bytes[bytes.length - 1] !== 0x0a;
        return decoder.decode(bytes, { stream: !endOfFileNext });
      }
      const message = "stdin handler: expected a string, bytes, a number, null or undefined";
      console.error(message, "but got", result);
      throw new TypeError(message);
    },
  };
}

function defaultSource(): StdinSource {
  if (isNode()) return processStdin();
  // Read when Python asks, so a prompt() set later (or stubbed) is the one used.
  const prompt = (globalThis as { prompt?: (message?: string) => string | null }).prompt;
  if (typeof prompt === "function") return handlerSource(() => (globalThis as any).prompt(), false);
  return EOF;
}

/** Node: the process's own stdin (fd 0), read synchronously as Python asks for it. */
function processStdin(): StdinSource {
  const buffer = new Uint8Array(64 * 1024);
  return handlerSource(() => {
    const fs = loadedNodeFs();
    if (fs === undefined) return null;
    for (;;) {
      try {
        const n = fs.readSync(0, buffer, 0, buffer.length, null);
        return n === 0 ? null : buffer.slice(0, n);
      } catch (e) {
        const code = (e as { code?: string }).code;
        // A non-blocking stdin with nothing yet: wait a little and try again.
        if (code === "EAGAIN") {
          Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 10);
          continue;
        }
        if (code === "EOF") return null;
        throw e;
      }
    }
    // A pipe's chunks end anywhere: only a read of 0 bytes is the end of the input.
  }, false, false);
}
