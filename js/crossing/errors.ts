/** A Python exception that reached JavaScript. `message` is the formatted traceback. */
export class PythonError extends Error {
  /** The Python exception's class name, e.g. "ValueError". */
  readonly type: string;
  constructor(type: string, message: string) {
    super(message);
    this.type = type;
  }
}
Object.defineProperty(PythonError.prototype, "name", { value: "PythonError" });

/** A failed `py.FS` call: `code` is the POSIX name ("ENOENT"), `errno` its number. */
export class FSError extends Error {
  readonly code: string;
  readonly errno: number;
  readonly syscall: string;
  readonly path: string;
  constructor(errno: number, code: string, message: string, syscall: string, path: string) {
    super(message);
    this.errno = errno;
    this.code = code;
    this.syscall = syscall;
    this.path = path;
  }
}
Object.defineProperty(FSError.prototype, "name", { value: "FSError" });
