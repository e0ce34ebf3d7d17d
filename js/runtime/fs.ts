// `py.FS`: the runtime's in-memory file system, the same files Python's `os` and `open()` see.

import { argumentError, checkOneOf, checkOptionalBoolean, checkOptionalString, checkOptions, checkString, isFileData } from "./check-args.js";
import { FSError } from "../crossing/errors.js";
import type { Core } from "../wasm/core.js";

export interface FSStat {
  mode: number;
  size: number;
  atime: Date;
  mtime: Date;
  ctime: Date;
  ino: number;
  nlink: number;
  isFile(): boolean;
  isDirectory(): boolean;
}

const S_IFMT = 0o170000;
const encoder = new TextEncoder();
const decoder = new TextDecoder();

/** Unpacks an archive (the runtime's `unpackArchive`, which runs in Python). */
export type Unpacker = (method: string, buffer: unknown, format: unknown, extractDir: string | undefined) => void;

export class FileSystem {
  readonly #core: Core;
  readonly #unpack: Unpacker;
  /** @internal made by the runtime only (`py.FS`) */
  constructor(core: Core, unpack: Unpacker) {
    this.#core = core;
    this.#unpack = unpack;
  }

  /**
   * Unpacks an archive's bytes into folder `dir` (default: the working directory); `format` is
   * "zip", "tar", "gztar", ... or an extension (".zip", ".tar.gz", "tgz"). As `py.unpackArchive`.
   */
  unpackArchive(buffer: ArrayBuffer | ArrayBufferView, format: string, dir?: string): void {
    this.#unpack("FS.unpackArchive", buffer, format, checkOptionalString("FS.unpackArchive", "dir", dir));
  }

  /** Creates or replaces a file (text is written as UTF-8). Missing parent folders are an error. */
  writeFile(path: string, data: string | Uint8Array): void {
    checkString("FS.writeFile", "path", path);
    if (!isFileData(data)) throw argumentError("FS.writeFile", "data", "a string or a Uint8Array", data);
    const bytes = typeof data === "string" ? encoder.encode(data) : data;
    this.#core.fs_write_file(path, bytes, false);
  }

  /** The file's bytes, or its text with `{ encoding: "utf8" }` (`"binary"`, as in Emscripten: the bytes). */
  readFile(path: string, options?: { encoding?: "binary" }): Uint8Array;
  readFile(path: string, options: { encoding: "utf8" | "utf-8" }): string;
  readFile(path: string, options?: { encoding?: "utf8" | "utf-8" | "binary" }): Uint8Array | string {
    checkString("FS.readFile", "path", path);
    const { encoding } = checkOptions<{ encoding: unknown }>("FS.readFile", "options", options);
    checkOneOf("FS.readFile", "encoding", encoding, ["utf8", "utf-8", "binary"]);
    const bytes = this.#core.fs_read_file(path);
    return encoding === "utf8" || encoding === "utf-8" ? decoder.decode(bytes) : bytes;
  }

  /** Creates a folder; with `{ recursive: true }` its missing parents too (and an existing one is fine). */
  mkdir(path: string, options?: { recursive?: boolean }): void {
    checkString("FS.mkdir", "path", path);
    const { recursive } = checkOptions<{ recursive: unknown }>("FS.mkdir", "options", options);
    this.#core.fs_mkdir(path, checkOptionalBoolean("FS.mkdir", "recursive", recursive) ?? false);
  }

  /** The names in a folder, sorted, without "." and "..". */
  readdir(path: string): string[] {
    checkString("FS.readdir", "path", path);
    return this.#core.fs_readdir(path);
  }

  unlink(path: string): void {
    checkString("FS.unlink", "path", path);
    this.#core.fs_unlink(path);
  }

  rmdir(path: string): void {
    checkString("FS.rmdir", "path", path);
    this.#core.fs_rmdir(path);
  }

  rename(from: string, to: string): void {
    checkString("FS.rename", "from", from);
    checkString("FS.rename", "to", to);
    this.#core.fs_rename(from, to);
  }

  stat(path: string): FSStat {
    checkString("FS.stat", "path", path);
    const [mode, size, atime, mtime, ctime, ino, nlink] = this.#core.fs_stat(path);
    return {
      mode, size, ino, nlink,
      atime: new Date(atime * 1000),
      mtime: new Date(mtime * 1000),
      ctime: new Date(ctime * 1000),
      isFile: () => (mode & S_IFMT) === 0o100000,
      isDirectory: () => (mode & S_IFMT) === 0o040000,
    };
  }

  exists(path: string): boolean {
    checkString("FS.exists", "path", path);
    return this.#core.fs_exists(path);
  }

  /** The working directory Python starts in (and resolves relative paths against). */
  cwd(): string {
    return this.#core.fs_cwd();
  }
}

export { FSError };
