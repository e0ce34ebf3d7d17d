// Debug mode (`loadPython({ debug: true })`; `py.setDebug` alone stays Pyodide's switch): each
// PyProxy remembers where JS created it, a destroyed proxy's error says so, and `py.stats()` lists
// the live proxies with their creation sites, so a leak can be found without guessing.

/** A proxy made while debugging, in the runtime's table of live ones (by registry id). */
export interface LiveEntry {
  proxy: WeakRef<object>;
  createdAt: string;
}

export type LiveTable = Map<number, LiveEntry>;

/** One live proxy as `stats()` lists it. */
export interface LiveProxy {
  /** The Python type's name, as `proxy.type` gives it. */
  type: string;
  /** The JS stack where the proxy was made (this package's own frames left out). */
  createdAt: string;
}

// Frames of this package's JS (the loader's URL), which say nothing about the caller.
const OWN_FILE = /[\\/](?:pyproxy|proxy-state|pyproxy-handler|pyproxy-classes|runtime|call-result|debug|core)\.js|wasm-function|pkg_ffi_core/;

/** The JS stack of the caller that made a proxy, without this package's frames. */
export function creationSite(): string {
  // The package's own and the core's frames come first: take enough to reach the caller's.
  const E = Error as { stackTraceLimit?: number };
  const limit = E.stackTraceLimit;
  E.stackTraceLimit = 60;
  let stack: string;
  try {
    stack = new Error().stack ?? "";
  } finally {
    E.stackTraceLimit = limit;
  }
  const frames = stack.split("\n").slice(1).filter((line) => !OWN_FILE.test(line));
  return frames.length ? frames.map((l) => l.trim()).join("\n") : "(no JS frame outside the package)";
}

/** The second part of a destroyed-proxy error in debug mode. */
export function createdAtNote(createdAt: string | undefined): string {
  return createdAt === undefined ? "" : `\nThe proxy was created at:\n${createdAt}`;
}
