// The byte format every message between a worker and the main thread uses, in both directions:
// one tag byte per value. Each side decides what it sends by reference and what by value (a
// `RefPolicy`); the format itself only knows the kinds. Bytes, not structured clone, because a
// blocked worker can only receive through shared memory.

/** One tag per kind of value. */
export const enum Tag {
  Undefined = 0,
  Null = 1,
  False = 2,
  True = 3,
  Int = 4,
  Float = 5,
  String = 6,
  BigInt = 7,
  TypedArray = 8,
  ArrayBuffer = 9,
  /** A plain array, copied. */
  Array = 10,
  /** A plain object, copied. */
  Object = 11,
  /** An object that lives on the main thread: id, generation, shape, capability flags. */
  MainRef = 12,
  /** An object that lives in the worker: id, generation, shape. */
  WorkerRef = 13,
  /** A thrown error, copied: name, message, stack, and the Python type when it is a PythonError. */
  Error = 14,
  /** A main-thread promise the worker mirrors with a promise of its own: its id. */
  Promise = 15,
  /** A well-known symbol (`Symbol.iterator`): its description. */
  Symbol = 16,
}

/** What a referenced object looks like, so the far side builds a proxy of the same kind. */
export const enum Shape {
  Object = 0,
  Function = 1,
  Array = 2,
}

/** A reference to an object held by the other side: its slot and the slot's generation. */
export interface Ref {
  id: number;
  gen: number;
}

/** A copied error. */
export interface ErrorData {
  name: string;
  message: string;
  stack: string;
  /** The Python exception's class name when the error is a PythonError. */
  pythonType?: string;
}

/** How one side turns its objects into references, and references back into objects. */
export interface RefPolicy {
  /**
   * How `value` (an object or function) crosses: written by the policy (as a reference, or a
   * copy through `writer.copy`), or `false` to have it copied as a plain array/object.
   */
  writeObject(writer: Writer, value: object): boolean;
  readMainRef(ref: Ref, shape: Shape, flags: number): unknown;
  readWorkerRef(ref: Ref, shape: Shape): unknown;
  readPromise(id: number): unknown;
  readError(error: ErrorData): unknown;
}

const TYPED_ARRAYS = [
  Int8Array, Uint8Array, Uint8ClampedArray, Int16Array, Uint16Array, Int32Array, Uint32Array,
  Float32Array, Float64Array, BigInt64Array, BigUint64Array, DataView,
] as const;

const WELL_KNOWN_SYMBOLS = new Map<symbol, string>(
  (["iterator", "asyncIterator", "toPrimitive", "toStringTag", "hasInstance", "isConcatSpreadable", "dispose", "asyncDispose"] as const)
    .filter((name) => typeof (Symbol as any)[name] === "symbol")
    .map((name) => [(Symbol as any)[name] as symbol, name]),
);

/** The well-known symbol's name, or undefined for any other symbol (which cannot cross). */
export function wellKnownSymbolName(s: symbol): string | undefined {
  return WELL_KNOWN_SYMBOLS.get(s);
}

const encoder = new TextEncoder();
const decoder = new TextDecoder();

// Property names and function names are short ASCII strings, for which the text codecs' set-up
// costs more than the conversion: a plain loop does those.
const SHORT_STRING = 32;

function writeAscii(s: string, out: Uint8Array, at: number): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0x80) return false;
    out[at + i] = c;
  }
  return true;
}

/** The string of `length` ASCII bytes at `at`, or "" when there is a non-ASCII byte (or none). */
function readAscii(bytes: Uint8Array, at: number, length: number): string {
  let s = "";
  for (let i = 0; i < length; i++) {
    const c = bytes[at + i];
    if (c >= 0x80) return "";
    s += String.fromCharCode(c);
  }
  return s;
}

/** Deep copies stop here: a cycle or a very deep structure is an error, not a hang. */
const MAX_COPY_DEPTH = 1000;

/** Writes values into a growing byte buffer. */
export class Writer {
  #bytes = new Uint8Array(256);
  #view = new DataView(this.#bytes.buffer);
  #length = 0;
  #depth = 0;
  constructor(private readonly policy: RefPolicy) {}

  /** Empties the writer for the next message (its buffer is kept). */
  reset(): this {
    this.#length = 0;
    this.#depth = 0;
    return this;
  }

  /** The bytes written so far (a view of the buffer). */
  get bytes(): Uint8Array {
    return this.#bytes.subarray(0, this.#length);
  }

  #reserve(n: number): void {
    if (this.#length + n <= this.#bytes.length) return;
    let size = this.#bytes.length * 2;
    while (size < this.#length + n) size *= 2;
    const bigger = new Uint8Array(size);
    bigger.set(this.#bytes.subarray(0, this.#length));
    this.#bytes = bigger;
    this.#view = new DataView(bigger.buffer);
  }

  u8(n: number): void {
    this.#reserve(1);
    this.#bytes[this.#length++] = n;
  }

  u32(n: number): void {
    this.#reserve(4);
    this.#view.setUint32(this.#length, n, true);
    this.#length += 4;
  }

  f64(n: number): void {
    this.#reserve(8);
    this.#view.setFloat64(this.#length, n, true);
    this.#length += 8;
  }

  string(s: string): void {
    // UTF-8 takes at most 3 bytes per UTF-16 unit.
    this.#reserve(4 + s.length * 3);
    if (s.length <= SHORT_STRING && writeAscii(s, this.#bytes, this.#length + 4)) {
      this.#view.setUint32(this.#length, s.length, true);
      this.#length += 4 + s.length;
      return;
    }
    const { written } = encoder.encodeInto(s, this.#bytes.subarray(this.#length + 4));
    this.#view.setUint32(this.#length, written, true);
    this.#length += 4 + written;
  }

  raw(bytes: Uint8Array): void {
    this.u32(bytes.byteLength);
    this.#reserve(bytes.byteLength);
    this.#bytes.set(bytes, this.#length);
    this.#length += bytes.byteLength;
  }

  ref(tag: Tag.MainRef | Tag.WorkerRef, ref: Ref, shape: Shape, flags = 0): void {
    this.u8(tag);
    this.u32(ref.id);
    this.u32(ref.gen);
    this.u8(shape);
    if (tag === Tag.MainRef) this.u32(flags);
  }

  error(e: ErrorData): void {
    this.u8(Tag.Error);
    this.string(e.name);
    this.string(e.message);
    this.string(e.stack);
    this.string(e.pythonType ?? "");
  }

  value(v: unknown): void {
    switch (typeof v) {
      case "undefined":
        return this.u8(Tag.Undefined);
      case "boolean":
        return this.u8(v ? Tag.True : Tag.False);
      case "number":
        if ((v | 0) === v && !Object.is(v, -0)) {
          this.u8(Tag.Int);
          this.#reserve(4);
          this.#view.setInt32(this.#length, v, true);
          this.#length += 4;
        } else {
          this.u8(Tag.Float);
          this.f64(v);
        }
        return;
      case "string":
        this.u8(Tag.String);
        return this.string(v);
      case "bigint":
        this.u8(Tag.BigInt);
        return this.string(v.toString());
      case "symbol": {
        const name = wellKnownSymbolName(v);
        if (name === undefined) throw new TypeError(`${String(v)} cannot cross between a worker and the main thread`);
        this.u8(Tag.Symbol);
        return this.string(name);
      }
      default:
        if (v === null) return this.u8(Tag.Null);
        return this.#object(v as object);
    }
  }

  #object(v: object): void {
    if (ArrayBuffer.isView(v)) {
      const kind = TYPED_ARRAYS.findIndex((C) => v instanceof C);
      if (kind < 0) throw new TypeError(`a ${v.constructor.name} cannot cross between a worker and the main thread`);
      this.u8(Tag.TypedArray);
      this.u8(kind);
      return this.raw(new Uint8Array(v.buffer, v.byteOffset, v.byteLength));
    }
    if (v instanceof ArrayBuffer || (typeof SharedArrayBuffer !== "undefined" && v instanceof SharedArrayBuffer)) {
      this.u8(Tag.ArrayBuffer);
      return this.raw(new Uint8Array(v));
    }
    if (this.policy.writeObject(this, v)) return;
    this.copy(v);
  }

  /** Copies a plain array or object, its members written by the policy's rules. */
  copy(v: object): void {
    if (++this.#depth > MAX_COPY_DEPTH) {
      throw new RangeError("a value sent between a worker and the main thread is nested too deeply (or contains itself)");
    }
    try {
      if (Array.isArray(v)) {
        this.u8(Tag.Array);
        this.u32(v.length);
        for (const item of v) this.value(item);
      } else {
        const keys = Object.keys(v);
        this.u8(Tag.Object);
        this.u32(keys.length);
        for (const key of keys) {
          this.string(key);
          this.value((v as Record<string, unknown>)[key]);
        }
      }
    } finally {
      this.#depth--;
    }
  }
}

/** Reads the values a `Writer` wrote. */
export class Reader {
  #view: DataView;
  #offset = 0;
  readonly #shared: boolean;

  /** `bytes` may be a view of the shared slot (read in place). */
  constructor(private readonly bytes: Uint8Array, private readonly policy: RefPolicy) {
    this.#view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    this.#shared = typeof SharedArrayBuffer !== "undefined" && bytes.buffer instanceof SharedArrayBuffer;
  }

  u8(): number {
    return this.#view.getUint8(this.#offset++);
  }

  /** UTF-8 text; TextDecoder refuses views of shared memory, so those are copied first. */
  #decode(utf8: Uint8Array): string {
    return decoder.decode(this.#shared ? utf8.slice() : utf8);
  }

  u32(): number {
    const n = this.#view.getUint32(this.#offset, true);
    this.#offset += 4;
    return n;
  }

  f64(): number {
    const n = this.#view.getFloat64(this.#offset, true);
    this.#offset += 8;
    return n;
  }

  string(): string {
    const length = this.u32();
    const s = (length <= SHORT_STRING && readAscii(this.bytes, this.#offset, length)) || this.#decode(this.bytes.subarray(this.#offset, this.#offset + length));
    this.#offset += length;
    return s;
  }

  /** A copy of the next raw byte run (the message buffer may be shared memory, reused). */
  raw(): Uint8Array {
    const length = this.u32();
    const copy = this.bytes.slice(this.#offset, this.#offset + length);
    this.#offset += length;
    return copy;
  }

  ref(): Ref {
    return { id: this.u32(), gen: this.u32() };
  }

  value(): unknown {
    const tag = this.u8() as Tag;
    switch (tag) {
      case Tag.Undefined:
        return undefined;
      case Tag.Null:
        return null;
      case Tag.False:
        return false;
      case Tag.True:
        return true;
      case Tag.Int: {
        const n = this.#view.getInt32(this.#offset, true);
        this.#offset += 4;
        return n;
      }
      case Tag.Float:
        return this.f64();
      case Tag.String:
        return this.string();
      case Tag.BigInt:
        return BigInt(this.string());
      case Tag.Symbol:
        return (Symbol as any)[this.string()];
      case Tag.TypedArray: {
        const C = TYPED_ARRAYS[this.u8()];
        const bytes = this.raw();
        if (C === DataView) return new DataView(bytes.buffer);
        return new (C as any)(bytes.buffer, 0, bytes.byteLength / (C as any).BYTES_PER_ELEMENT);
      }
      case Tag.ArrayBuffer:
        return this.raw().buffer;
      case Tag.Array: {
        const n = this.u32();
        const a = new Array(n);
        for (let i = 0; i < n; i++) a[i] = this.value();
        return a;
      }
      case Tag.Object: {
        const n = this.u32();
        const o: Record<string, unknown> = {};
        for (let i = 0; i < n; i++) {
          const key = this.string();
          Object.defineProperty(o, key, { value: this.value(), writable: true, enumerable: true, configurable: true });
        }
        return o;
      }
      case Tag.MainRef: {
        const ref = this.ref();
        const shape = this.u8() as Shape;
        return this.policy.readMainRef(ref, shape, this.u32());
      }
      case Tag.WorkerRef: {
        const ref = this.ref();
        return this.policy.readWorkerRef(ref, this.u8() as Shape);
      }
      case Tag.Promise:
        return this.policy.readPromise(this.u32());
      case Tag.Error: {
        const name = this.string();
        const message = this.string();
        const stack = this.string();
        const pythonType = this.string();
        return this.policy.readError({ name, message, stack, pythonType: pythonType || undefined });
      }
      default:
        throw new Error(`a worker message is corrupt: unknown tag ${tag}`);
    }
  }
}

/** The error data of a thrown value (anything may be thrown). */
export function errorData(e: unknown, pythonType?: string): ErrorData {
  if (e !== null && typeof e === "object") {
    const { name, message, stack } = e as { name?: unknown; message?: unknown; stack?: unknown };
    const type = pythonType ?? (typeof (e as { type?: unknown }).type === "string" && name === "PythonError" ? (e as { type: string }).type : undefined);
    return { name: String(name ?? "Error"), message: String(message ?? ""), stack: String(stack ?? ""), pythonType: type };
  }
  return { name: "Error", message: String(e), stack: "" };
}

/**
 * Writers to reuse (each message is copied out before its writer goes back): a free one, or a
 * new one when encoding re-enters (a getter that runs while a value is written).
 */
export class WriterPool {
  readonly #free: Writer[] = [];
  constructor(private readonly policy: RefPolicy) {}

  /** Writes one message with a writer of the pool and hands its bytes to `use`. */
  message(write: (w: Writer) => void, use: (bytes: Uint8Array) => void): void {
    const w = this.#free.pop()?.reset() ?? new Writer(this.policy);
    try {
      write(w);
      use(w.bytes);
    } finally {
      this.#free.push(w);
    }
  }
}
