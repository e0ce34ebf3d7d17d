// Fetches one of the two files `loadPython` needs (the wasm core, the packed standard library)
// and checks it is that file: HTTP status, then its first bytes, so that a 404 page or a dev
// server's HTML fallback fails here with the option, the URL and a likely fix, instead of later
// as an unreadable compile or parse error. Reports progress as bytes arrive.

import { importNodeFs, isNode } from "./host.js";
import type { LoadedFile, ProgressCallback } from "./load-progress.js";

export interface FileToLoad {
  file: LoadedFile;
  /** The `loadPython` option that sets its URL. */
  option: "wasmUrl" | "stdlibUrl";
  /** What it is, for messages. */
  what: string;
  /** Its first bytes, and what a file that starts otherwise is not. */
  magic: Uint8Array;
  notA: string;
}

export const WASM_FILE: FileToLoad = {
  file: "core_bg.wasm",
  option: "wasmUrl",
  what: "the wasm core",
  magic: new Uint8Array([0x00, 0x61, 0x73, 0x6d]),
  notA: "a WebAssembly module",
};

// "PYLB" and format version 1 (u32, little-endian): see scripts/pack-stdlib.mjs.
export const STDLIB_FILE: FileToLoad = {
  file: "stdlib.bin",
  option: "stdlibUrl",
  what: "the Python standard library",
  magic: new Uint8Array([0x50, 0x59, 0x4c, 0x42, 0x01, 0x00, 0x00, 0x00]),
  notA: "this version's packed standard library (stdlib.bin)",
};

/** A load failure: names the option, the URL, what went wrong and what usually fixes it. */
export function loadError(spec: FileToLoad, url: URL, problem: string, fix: string, cause?: unknown): Error {
  return new Error(`loadPython: could not load ${spec.what} (${spec.option}) from ${url.href}: ${problem}. ${fix}`, { cause });
}

function whereToServe(spec: FileToLoad): string {
  return (
    `Serve node_modules/@pkg/ffi/dist/wasm/${spec.file} at that URL (bundlers: see @pkg/ffi's docs/bundlers.md), ` +
    `or pass ${spec.option} with the URL it is served at`
  );
}

const VITE_HINT = 'With the Vite 6 or 7 dev server, add optimizeDeps: { exclude: ["@pkg/ffi"] } to vite.config.js';

/** Why `head` (a file's first bytes) is not `spec`'s file, or undefined if it may be. */
function wrongContent(spec: FileToLoad, head: Uint8Array, contentType: string | null, fromServer: boolean): string | undefined {
  const n = Math.min(head.length, spec.magic.length);
  if (n === spec.magic.length && spec.magic.every((b, i) => head[i] === b)) return undefined;
  if (n < spec.magic.length && head.length === n && spec.magic.subarray(0, n).every((b, i) => head[i] === b)) {
    return head.length === 0 ? "the file is empty" : `the file is cut short (${head.length} bytes)`;
  }
  const text = new TextDecoder().decode(head.subarray(0, 64)).trimStart().toLowerCase();
  if (contentType?.includes("text/html") || text.startsWith("<!doctype") || text.startsWith("<html") || text.startsWith("<")) {
    return fromServer
      ? "the server answered with an HTML page, not the file (what servers answer for a missing file, usually)"
      : "the file is an HTML page";
  }
  const hex = (bytes: Uint8Array) => [...bytes].map((b) => b.toString(16).padStart(2, "0")).join(" ");
  return `it is not ${spec.notA} (it starts with ${hex(head.subarray(0, spec.magic.length))}, expected ${hex(spec.magic)})`;
}

/** The problem as an Error with the fix that fits it. */
function contentError(spec: FileToLoad, url: URL, problem: string): Error {
  const fix = problem.includes("an HTML page, not the file") ? `${VITE_HINT}; otherwise: ${lowerFirst(whereToServe(spec))}` : whereToServe(spec);
  return loadError(spec, url, problem, `${fix}.`);
}

function lowerFirst(s: string): string {
  return s.charAt(0).toLowerCase() + s.slice(1);
}

/** Whether a load failed because the URL served something else (worth trying another URL). */
export function isNotFound(error: unknown): boolean {
  return error instanceof Error && (error as { notFound?: boolean }).notFound === true;
}

function notFound(error: Error): Error {
  (error as { notFound?: boolean }).notFound = true;
  return error;
}

/** Reads `spec`'s file from `url` (from disk for `file:` URLs in Node), checked, with progress. */
export async function loadFile(spec: FileToLoad, url: URL, report: ProgressCallback): Promise<Uint8Array> {
  const fromDisk = isNode() && url.protocol === "file:";
  const bytes = fromDisk ? await readFromDisk(spec, url, report) : await download(spec, url, report);
  const problem = wrongContent(spec, bytes.subarray(0, 64), null, !fromDisk);
  if (problem !== undefined) throw notFound(contentError(spec, url, problem));
  return bytes;
}

async function readFromDisk(spec: FileToLoad, url: URL, report: ProgressCallback): Promise<Uint8Array> {
  const fs = await importNodeFs();
  const event = (loaded: number, total: number | undefined) =>
    report({ phase: "fetch", file: spec.file, url: url.href, loaded, total, cached: false });
  try {
    const { size } = await fs.promises.stat(url);
    event(0, size);
    const bytes = new Uint8Array(await fs.promises.readFile(url));
    event(bytes.length, size);
    return bytes;
  } catch (e) {
    const code = (e as { code?: string }).code;
    const problem = code === "ENOENT" ? "there is no such file" : code === "EISDIR" ? "it is a folder" : String((e as Error)?.message ?? e);
    throw notFound(loadError(spec, url, problem, `${whereToServe(spec)}.`, e));
  }
}

async function download(spec: FileToLoad, url: URL, report: ProgressCallback): Promise<Uint8Array> {
  let response: Response;
  try {
    response = await fetch(url);
  } catch (e) {
    throw loadError(spec, url, `the request failed (${String(e)})`, "Check that the server is reachable and, for another origin, that it allows CORS.", e);
  }
  if (!response.ok) {
    const status = `HTTP ${response.status}${response.statusText ? ` ${response.statusText}` : ""}`;
    throw notFound(loadError(spec, url, `the server answered ${status}`, `${whereToServe(spec)}.`));
  }
  // Content-Length counts the bytes on the wire: with a Content-Encoding, not what the body reads.
  const length = Number(response.headers.get("content-length") ?? Number.NaN);
  const total = response.headers.get("content-encoding") === null && Number.isFinite(length) && length > 0 ? length : undefined;
  const event = (loaded: number) => report({ phase: "fetch", file: spec.file, url: url.href, loaded, total, cached: false });
  event(0);
  const reader = response.body?.getReader();
  if (reader === undefined) {
    const bytes = new Uint8Array(await response.arrayBuffer());
    event(bytes.length);
    return bytes;
  }
  const chunks: Uint8Array[] = [];
  let loaded = 0;
  let checked = false;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    loaded += value.length;
    // Stop as soon as the first bytes show this is not the file (an HTML page, say).
    if (!checked && loaded >= spec.magic.length) {
      checked = true;
      const problem = wrongContent(spec, concat(chunks, loaded).subarray(0, 64), response.headers.get("content-type"), true);
      if (problem !== undefined) {
        void reader.cancel().catch(() => {});
        throw notFound(contentError(spec, url, problem));
      }
    }
    event(loaded);
  }
  return concat(chunks, loaded);
}

function concat(chunks: Uint8Array[], length: number): Uint8Array {
  if (chunks.length === 1) return chunks[0];
  const out = new Uint8Array(length);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  chunks.splice(0, chunks.length, out);
  return out;
}
