// PyBufferView: a Python buffer's memory seen from JS without a copy. The core describes where
// the bytes are in wasm memory; this module picks the typed array from the struct format.

import { coreOf, idOf } from "./proxy-state.js";
import type { Core } from "../wasm/core.js";

/** What a released view holds instead of a view of wasm memory. */
const EMPTY = new Uint8Array(0);
/** What `data` is after `release()`: like Pyodide's, a marker symbol, not a typed array. */
const RELEASED = Symbol("error marker");

type TypedArrayCtor =
  | Int8ArrayConstructor
  | Uint8ArrayConstructor
  | Uint8ClampedArrayConstructor
  | Int16ArrayConstructor
  | Uint16ArrayConstructor
  | Int32ArrayConstructor
  | Uint32ArrayConstructor
  | Float32ArrayConstructor
  | Float64ArrayConstructor
  | BigInt64ArrayConstructor
  | BigUint64ArrayConstructor;

/** The `type` names `getBuffer` accepts. */
export type BufferType =
  | "i8" | "u8" | "u8clamped" | "i16" | "u16" | "i32" | "u32" | "i64" | "u64" | "f32" | "f64" | "dataview";

const BY_TYPE: Record<Exclude<BufferType, "dataview">, TypedArrayCtor> = {
  i8: Int8Array, u8: Uint8Array, u8clamped: Uint8ClampedArray, i16: Int16Array, u16: Uint16Array,
  i32: Int32Array, u32: Uint32Array, i64: BigInt64Array, u64: BigUint64Array, f32: Float32Array, f64: Float64Array,
};

/**
 * The struct format character of each typed array's elements, one table for both directions:
 * what a JS typed array becomes (to-py-encode.ts) and what a Python buffer is read as (below).
 */
export const FORMAT_OF_ARRAY: ReadonlyMap<TypedArrayCtor, string> = new Map<TypedArrayCtor, string>([
  [Int8Array, "b"], [Uint8Array, "B"], [Uint8ClampedArray, "B"], [Int16Array, "h"], [Uint16Array, "H"],
  [Int32Array, "i"], [Uint32Array, "I"], [Float32Array, "f"], [Float64Array, "d"],
  [BigInt64Array, "q"], [BigUint64Array, "Q"],
]);

// The reverse, plus the formats of the same width that have no typed array of their own (bytes,
// bools and chars as bytes; C long, ssize_t and pointers as 32-bit: wasm32's sizes).
const BY_FORMAT: Record<string, TypedArrayCtor> = {
  ...Object.fromEntries([...FORMAT_OF_ARRAY].filter(([ctor]) => ctor !== Uint8ClampedArray).map(([ctor, f]) => [f, ctor])),
  c: Uint8Array, s: Uint8Array, p: Uint8Array, "?": Uint8Array,
  l: Int32Array, n: Int32Array, L: Uint32Array, N: Uint32Array, P: Uint32Array,
};

/** The typed array for a struct format string, with Pyodide's errors for the rest. */
export function arrayForFormat(format: string): { ctor: TypedArrayCtor; bigEndian: boolean } {
  if (format.length > 2) throw new Error(`Expected format string to have length <= 2, got '${format}'.`);
  let code = format;
  let bigEndian = false;
  if (format.length === 2) {
    const order = format[0];
    code = format[1];
    if (order === ">" || order === "!") bigEndian = true;
    else if (!"@=<".includes(order)) throw new Error(`Unrecognized alignment character ${order}.`);
  }
  if (code === "e") throw new Error("Javascript has no Float16 support.");
  const ctor = BY_FORMAT[code];
  if (!ctor) throw new Error(`Unrecognized format character '${code}'.`);
  return { ctor, bigEndian };
}

/** What `getBuffer` passes so that only it makes views. */
const MAKE = Symbol("PyBufferView.make");

interface Description {
  holder: number;
  memory: WebAssembly.Memory;
  byteOffset: number;
  byteLength: number;
  startByte: number;
  readonly: boolean;
  format: string;
  itemsize: number;
  nbytes: number;
  shape: number[];
  byteStrides: number[];
  c_contiguous: boolean;
  f_contiguous: boolean;
}

/**
 * A view of a Python buffer. `data` points into the runtime's memory (no copy): it stays valid
 * until `release()`, and a write through it changes the Python object (unless `readonly`).
 * When the runtime's memory grows, JS detaches every typed array over it (they read as empty);
 * `data` is rebuilt over the new memory on the next access, so read `view.data` again rather
 * than keeping the typed array itself across Python calls.
 */
export class PyBufferView {
  /** Index in `data` of the element at `[0, ..., 0]` (non-zero with negative strides). */
  readonly offset: number;
  /** 1 if the memory must not be written, else 0 (Pyodide's numbers, not booleans). */
  readonly readonly: number;
  /** The struct format string, e.g. "B", "f", "<i". */
  readonly format: string;
  /** Bytes per element. */
  readonly itemsize: number;
  readonly ndim: number;
  /** Bytes from the lowest to the highest byte the buffer touches: `data`'s length in bytes. */
  readonly nbytes: number;
  readonly shape: number[];
  /** Per dimension, in elements of `data`. */
  readonly strides: number[];
  /** 1 or 0, as `readonly`. */
  readonly c_contiguous: number;
  /** 1 or 0, as `readonly`. */
  readonly f_contiguous: number;
  #core: Core | undefined;
  #holder: number;
  #memory: WebAssembly.Memory;
  #makeView: () => ArrayBufferView;
  #view: ArrayBufferView;

  /** @internal made by `PyBuffer.getBuffer()` only (`new PyBufferView()` is refused, as in Pyodide) */
  constructor(token: typeof MAKE, core: Core, d: Description, type?: BufferType) {
    if (token !== MAKE) throw new TypeError("PyBufferView is not a constructor");
    let ctor: TypedArrayCtor | undefined;
    if (type === undefined) {
      const parsed = arrayForFormat(d.format);
      if (parsed.bigEndian && d.itemsize > 1) {
        throw new Error(`Big-endian format '${d.format}' has no typed array: use getBuffer("dataview")`);
      }
      ctor = parsed.ctor;
    } else if (type !== "dataview") {
      ctor = Object.hasOwn(BY_TYPE, type) ? BY_TYPE[type] : undefined;
      if (!ctor) throw new Error(`Unknown type ${type}`);
    }
    const unit = ctor ? ctor.BYTES_PER_ELEMENT : 1;
    if (d.byteOffset % unit !== 0 || d.byteLength % unit !== 0 || d.startByte % unit !== 0) {
      throw new Error(`Buffer does not have valid alignment for a ${ctor?.name ?? "DataView"}`);
    }
    // Growing memory never moves the object (wasm addresses are stable), so the same offset in
    // the new buffer is the same bytes.
    this.#makeView = ctor
      ? () => new ctor(d.memory.buffer, d.byteOffset, d.byteLength / unit)
      : () => new DataView(d.memory.buffer, d.byteOffset, d.byteLength);
    this.#memory = d.memory;
    this.#view = this.#makeView();
    this.offset = d.startByte / unit;
    this.strides = d.byteStrides.map((s) => s / unit);
    this.readonly = d.readonly ? 1 : 0;
    this.format = d.format;
    this.itemsize = d.itemsize;
    this.ndim = d.shape.length;
    this.nbytes = d.byteLength;
    this.shape = d.shape;
    this.c_contiguous = d.c_contiguous ? 1 : 0;
    this.f_contiguous = d.f_contiguous ? 1 : 0;
    this.#core = core;
    this.#holder = d.holder;
  }

  /**
   * A typed array (or DataView) over the bytes the buffer touches; rebuilt if memory grew.
   * After `release()` it is a marker symbol, as in Pyodide: the memory may belong to another
   * object by then, so no typed array over it is handed out.
   */
  get data(): ArrayBufferView {
    if (this.#core === undefined) return RELEASED as unknown as ArrayBufferView;
    if (this.#view.buffer !== this.#memory.buffer) this.#view = this.#makeView();
    return this.#view;
  }

  /** Gives the buffer back to Python; `data` is no typed array afterwards. A second call does nothing. */
  release(): void {
    if (this.#core === undefined) return;
    this.#core.proxy_release(this.#holder);
    this.#core = undefined;
    // Nothing of this view may reach wasm memory any more.
    this.#view = EMPTY;
  }

  [Symbol.dispose](): void {
    this.release();
  }
}

export function getBuffer(proxy: object, type?: BufferType): PyBufferView {
  const core = coreOf(proxy);
  const d = core.proxy_get_buffer(idOf(proxy)) as unknown as Description;
  try {
    return new PyBufferView(MAKE, core, d, type);
  } catch (e) {
    core.proxy_release(d.holder);
    throw e;
  }
}

const textDecoder = new TextDecoder("utf-8", { ignoreBOM: true });

/**
 * `toJs()` of a buffer: a copy of its C-ordered `bytes` as a typed array of its format (a string
 * for "s", booleans for "?"), nested in arrays when it has more than one dimension.
 */
export function bufferToJs(bytes: Uint8Array, format: string, itemsize: number, shape: ArrayLike<number>): unknown {
  const { ctor, bigEndian } = arrayForFormat(format);
  const code = format[format.length - 1];
  const copy = bytes.slice();
  if (bigEndian && itemsize > 1) {
    for (let i = 0; i < copy.length; i += itemsize) copy.subarray(i, i + itemsize).reverse();
  }
  const leaf = (start: number, count: number): unknown => {
    const part = copy.subarray(start * itemsize, (start + count) * itemsize);
    if (code === "s") return textDecoder.decode(part);
    if (code === "?") return Array.from(part, (b) => b !== 0);
    return new ctor(part.buffer, part.byteOffset, count);
  };
  const dims = Array.from(shape);
  const level = (d: number, start: number): unknown => {
    if (d >= dims.length - 1) return leaf(start, dims.length === 0 ? 1 : dims[d]);
    const inner = dims.slice(d + 1).reduce((a, b) => a * b, 1);
    const out = [];
    for (let i = 0; i < dims[d]; i++) out.push(level(d + 1, start + i * inner));
    return out;
  };
  return level(0, 0);
}
