// What the package needs to know about the JS host: Node or not, Node's version, and Node's fs
// module (imported only in Node, in a way no bundler tries to follow).

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
