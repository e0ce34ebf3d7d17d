// `py.FS`: the runtime's in-memory file system, the same files Python's `os` and `open()` see.

import { FSError } from "./errors.js";
import type { Core } from "./wasm/core.js";

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

export class FileSystem {
  readonly #core: Core;
  constructor(core: Core) {
    this.#core = core;
  }

  /** Creates or replaces a file (text is written as UTF-8). Missing parent folders are an error. */
  writeFile(path: string, data: string | Uint8Array): void {
    const bytes = typeof data === "string" ? encoder.encode(data) : data;
    this.#core.fs_write_file(path, bytes, false);
  }

  /** The file's bytes, or its text with `{ encoding: "utf8" }`. */
  readFile(path: string): Uint8Array;
  readFile(path: string, options: { encoding: "utf8" | "utf-8" }): string;
  readFile(path: string, options?: { encoding?: "utf8" | "utf-8" }): Uint8Array | string {
    const bytes = this.#core.fs_read_file(path);
    return options?.encoding ? decoder.decode(bytes) : bytes;
  }

  /** Creates a folder; with `{ recursive: true }` its missing parents too (and an existing one is fine). */
  mkdir(path: string, options: { recursive?: boolean } = {}): void {
    this.#core.fs_mkdir(path, options.recursive ?? false);
  }

  /** The names in a folder, sorted, without "." and "..". */
  readdir(path: string): string[] {
    return this.#core.fs_readdir(path);
  }

  unlink(path: string): void {
    this.#core.fs_unlink(path);
  }

  rmdir(path: string): void {
    this.#core.fs_rmdir(path);
  }

  rename(from: string, to: string): void {
    this.#core.fs_rename(from, to);
  }

  stat(path: string): FSStat {
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
    return this.#core.fs_exists(path);
  }

  /** The working directory Python starts in (and resolves relative paths against). */
  cwd(): string {
    return this.#core.fs_cwd();
  }
}

export { FSError };
