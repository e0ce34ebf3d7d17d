// What the package needs to know about the JS host: Node or not, Node's version, Node's fs module
// (imported only in Node, in a way no bundler tries to follow), and where a URL the user gives
// points (relative to the page in browsers, to the working directory in Node).

export function isNode(): boolean {
  return typeof process !== "undefined" && typeof process.versions?.node === "string";
}

/** The oldest Node this package runs on (package.json's `engines`). */
const MIN_NODE_MAJOR = 20;

/**
 * Throws a clear Error on a Node older than 20, before anything the core needs and that Node
 * lacks (`globalThis.crypto`, `URL.canParse`) fails with an unreadable trap.
 */
export function checkNodeVersion(): void {
  if (!isNode()) return;
  const version = process.versions.node;
  const major = Number.parseInt(version, 10);
  if (Number.isFinite(major) && major < MIN_NODE_MAJOR) {
    throw new Error(`loadPython: @pkg/ffi needs Node ${MIN_NODE_MAJOR} or later; this is Node ${version}`);
  }
}

type NodeFs = typeof import("node:fs");
let nodeFs: NodeFs | undefined;

/** Node's `fs` module (Node only). */
export async function importNodeFs(): Promise<NodeFs> {
  // A specifier in a variable, and both ignore comments: bundlers for the browser leave this
  // import alone (webpack would otherwise warn "Critical dependency"), and it never runs there.
  const specifier = "node:fs";
  nodeFs ??= (await import(/* webpackIgnore: true */ /* @vite-ignore */ specifier)) as NodeFs;
  return nodeFs;
}

/** Node's `fs` module once `importNodeFs` has loaded it, else undefined. */
export function loadedNodeFs(): NodeFs | undefined {
  return nodeFs;
}

/** The working directory as a `file:` URL ending in "/" (Node only). */
export function cwdUrl(): URL {
  const cwd = process.cwd().replace(/\\/g, "/");
  // encodeURI leaves what a path may hold; "#" and "?" would end the path part of a URL.
  const path = encodeURI(cwd.startsWith("/") ? cwd : `/${cwd}`).replace(/#/g, "%23").replace(/\?/g, "%3F");
  return new URL(`file://${path.endsWith("/") ? path : `${path}/`}`);
}

/**
 * A URL the user gives (an option, a configuration entry): a URL, or a string that is an
 * absolute URL or a path. A relative string is
 * resolved against the page's base URL in browsers and against the working directory in Node
 * (as a file path; an absolute path works too).
 */
export function resolveUserUrl(value: string | URL): URL {
  const text = String(value);
  if (isNode()) {
    // "C:\\x" parses as a URL with the scheme "c:": a path, here.
    const windowsPath = /^[a-zA-Z]:[\\/]/.test(text);
    if (!windowsPath && URL.canParse(text)) return new URL(text);
    // A path, not a URL: "%", "#" and "?" in it are characters of the name.
    const path = text.replace(/\\/g, "/").replace(/%/g, "%25").replace(/#/g, "%23").replace(/\?/g, "%3F");
    return new URL(windowsPath ? `file:///${path}` : path, cwdUrl());
  }
  if (URL.canParse(text)) return new URL(text);
  const base = typeof document !== "undefined" ? document.baseURI : typeof location !== "undefined" ? location.href : undefined;
  if (base === undefined) throw new TypeError(`loadPython: cannot resolve the relative URL ${JSON.stringify(text)} here; pass an absolute URL`);
  return new URL(text, base);
}

/** The bytes at `url` (read from disk for a `file:` URL in Node); an HTTP error status throws. */
export async function fetchBytes(url: URL): Promise<Uint8Array> {
  if (url.protocol === "file:" && isNode()) {
    const fs = await importNodeFs();
    return new Uint8Array(await fs.promises.readFile(url));
  }
  const response = await fetch(url);
  if (!response.ok) throw new Error(`HTTP ${response.status}${response.statusText ? ` ${response.statusText}` : ""}`);
  return new Uint8Array(await response.arrayBuffer());
}
