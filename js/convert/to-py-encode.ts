// The JS half of an explicit JS -> Python conversion (`toPy`, `JsProxy.to_py()`): one walk over
// the JS value encodes it as op words, a number stream and one text blob; the core builds the
// Python objects from that in one call (rust/src/convert/to_py.rs). Values that stay JS objects (class
// instances, functions, PyProxies, objects beyond `depth`) go through a side table.

import { FORMAT_OF_ARRAY } from "../pyproxy/pybuffer.js";
import { isPlainObject } from "../crossing/plain-object.js";
import { isPyProxy } from "../pyproxy/proxy-state.js";
import { WireLimit, WireOp } from "../wasm/core.js";

// Op codes: the low bits of a word; the rest is its argument (declared in rust/wire/src/lib.rs, the
// same numbering as the other direction's). The core decides whether each number becomes an int
// or a float (js2py.rs, one rule for the implicit and the explicit conversions).
const NONE = WireOp.Undefined, FALSE = WireOp.False, TRUE = WireOp.True, NUMBERS = WireOp.Number;
const STRING = WireOp.String, BIGINT = WireOp.BigInt, SIDE = WireOp.Side, REF = WireOp.Ref;
const LIST = WireOp.Array, DICT = WireOp.Map, SET = WireOp.Set, BUFFER = WireOp.Buffer, CONVERT = WireOp.Convert;
const OP_BITS = WireLimit.OpBits;
// A STRING argument's key-table flags: a key made once and kept (KEY_NEW), or one from the table
// (KEY_REF, its index in the low bits). Longer strings cross through the side table.
const KEY_NEW = WireLimit.KeyNew, KEY_REF = WireLimit.KeyRef, STRING_LIMIT = KEY_REF;
/** Distinct dict keys remembered per encoding: repeated keys (arrays of records) are built once. */
const MAX_KEYS = WireLimit.MaxKeys;
const ARG_LIMIT = WireLimit.ArgLimit;
/** Deeper nesting is refused: the core's build recurses, and wasm stack overflow is fatal. */
const MAX_NESTING = WireLimit.MaxNesting;

/** A JS value that has no faithful Python form (Pyodide's texts). */
export class ConversionError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ConversionError";
  }
}

/** One conversion and the nested ones its default converter starts: they share the memo. */
export class EncodeSession {
  readonly memo = new Map<object, number>();
  nextRef = 0;
  constructor(readonly converting: boolean) {}

  remember(value: object): number {
    const k = this.nextRef++;
    this.memo.set(value, k);
    return k;
  }
}

/** The encoding the core reads: [ops, nums, text, side]. */
export type PyEncoding = [Uint32Array, Float64Array, string, unknown[]];

const tagOf = (v: object): string => Object.prototype.toString.call(v);


function typeName(v: unknown): string {
  if (v === null) return "null";
  if (typeof v !== "object" && typeof v !== "function") return typeof v;
  return (v as any).constructor?.name ?? tagOf(v).slice(8, -1);
}

// Scratch buffers shared by every encoding: the core copies an encoding out before it builds
// anything (and so before a nested encoding can start), and fresh multi-megabyte typed arrays per
// call would cost more than the walk.
const SCRATCH_LIMIT = 1 << 20;
let scratchOps = new Uint32Array(1024);
let scratchNums = new Float64Array(1024);

class Encoder {
  ops = scratchOps;
  nums = scratchNums;
  nOps = 0;
  nNums = 0;
  texts: string[] = [];
  side: unknown[] = [];
  keys = new Map<string, number>();
  keyHits = 0;

  constructor(readonly session: EncodeSession, public nesting: number) {}

  word(op: number, arg: number): void {
    if (this.nOps === this.ops.length) {
      const grown = new Uint32Array(this.ops.length * 2);
      grown.set(this.ops);
      this.ops = grown;
    }
    this.ops[this.nOps++] = op | (arg << OP_BITS);
  }

  raw(n: number): void {
    this.word(0, 0);
    this.ops[this.nOps - 1] = n;
  }

  /** Room for `count` more numbers. */
  reserveNums(count: number): void {
    if (this.nNums + count <= this.nums.length) return;
    const grown = new Float64Array(Math.max(this.nums.length * 2, this.nNums + count));
    grown.set(this.nums);
    this.nums = grown;
  }

  number(n: number): void {
    this.word(NUMBERS, 1);
    this.reserveNums(1);
    this.nums[this.nNums++] = n;
  }

  /** A run of numbers from `array[start]` as one op word; returns where the run ends. */
  numbers(array: unknown[], start: number): number {
    let end = start;
    while (end < array.length && typeof array[end] === "number") end++;
    this.word(NUMBERS, end - start);
    this.reserveNums(end - start);
    for (let i = start; i < end; i++) this.nums[this.nNums++] = array[i] as number;
    return end;
  }

  /** A dict key: the core builds each distinct key string once per encoding. */
  key(s: string): void {
    if (this.keyHits < 0) return this.string(s);
    const known = this.keys.get(s);
    if (known !== undefined) {
      this.keyHits++;
      return this.word(STRING, KEY_REF | known);
    }
    // Mostly distinct keys (one big object) gain nothing from the table: stop using it.
    if (this.keys.size >= 256 && this.keyHits < this.keys.size) this.keyHits = -1;
    else if (this.keys.size < MAX_KEYS && s.length < 64 && s.isWellFormed()) {
      this.keys.set(s, this.keys.size);
      this.word(STRING, KEY_NEW | s.length);
      this.texts.push(s);
      return;
    }
    this.string(s);
  }

  toSide(v: unknown): void {
    this.word(SIDE, this.side.push(v) - 1);
  }

  string(s: string): void {
    // The core receives the text as UTF-8, which has no lone surrogates: those strings cross alone.
    if (s.length < STRING_LIMIT && s.isWellFormed()) {
      this.word(STRING, s.length);
      this.texts.push(s);
    } else this.toSide(s);
  }

  value(v: unknown, depth: number): void {
    switch (typeof v) {
      case "number":
        return this.number(v);
      case "string":
        return this.string(v);
      case "boolean":
        return this.word(v ? TRUE : FALSE, 0);
      case "undefined":
        return this.word(NONE, 0);
      case "bigint": {
        const digits = v.toString();
        this.word(BIGINT, digits.length);
        this.texts.push(digits);
        return;
      }
      case "object":
        if (v === null) return this.word(NONE, 0);
        return this.object(v, depth);
      default:
        return this.toSide(v);
    }
  }

  object(v: object, depth: number): void {
    if (isPyProxy(v)) return this.toSide(v);
    // Beyond `depth` a value stays a JsProxy even when it was converted elsewhere (Pyodide's order).
    if (depth === 0) return this.toSide(v);
    const seen = this.session.memo.get(v);
    if (seen !== undefined) return this.word(REF, seen);
    const next = depth - 1;
    if (++this.nesting > MAX_NESTING) {
      throw new ConversionError(`Cannot convert into Python: containers nested more than ${MAX_NESTING} levels deep (pass a smaller depth)`);
    }
    this.container(v, next);
    this.nesting--;
  }

  container(v: object, next: number): void {
    if (Array.isArray(v)) {
      this.open(LIST, v, v.length);
      for (let i = 0; i < v.length; ) {
        if (typeof v[i] === "number") i = this.numbers(v, i);
        else this.value(v[i++], next);
      }
    } else if (v instanceof Map || tagOf(v) === "[object Map]") {
      const map = v as Map<unknown, unknown>;
      this.checkKeys(map.keys(), "Map", "dict");
      this.open(DICT, v, map.size);
      for (const [key, value] of map) {
        this.value(key, 0);
        this.value(value, next);
      }
    } else if (v instanceof Set || tagOf(v) === "[object Set]") {
      const set = v as Set<unknown>;
      this.checkKeys(set.values(), "Set", "set");
      this.open(SET, v, set.size);
      for (const item of set) this.value(item, 0);
    } else if (ArrayBuffer.isView(v) || v instanceof ArrayBuffer) {
      this.word(BUFFER, this.session.remember(v));
      this.raw(this.side.push(v) - 1);
      this.raw((FORMAT_OF_ARRAY.get(v.constructor as never) ?? "B").charCodeAt(0));
    } else if (isPlainObject(v)) {
      const keys = Object.keys(v);
      this.open(DICT, v, keys.length);
      for (const key of keys) {
        this.key(key);
        this.value((v as any)[key], next);
      }
    } else if (this.session.converting) {
      this.word(CONVERT, this.session.remember(v));
      this.raw(this.side.push(v) - 1);
      this.raw(next + 1);
      this.raw(this.nesting);
    } else this.toSide(v);
  }

  open(op: number, v: object, length: number): void {
    if (length >= ARG_LIMIT) throw new ConversionError(`Cannot convert a ${typeName(v)} of ${length} items into Python: too large`);
    this.word(op, this.session.remember(v));
    this.raw(length);
  }

  /**
   * Keys must compare by value in both languages; JS tells 1 from true, Python does not. These
   * are plain Errors with Pyodide's texts (a JsException in Python, as there).
   */
  checkKeys(keys: Iterable<unknown>, kind: string, target: string): void {
    let one = false, yes = false, zero = false, no = false;
    for (const k of keys) {
      if ((typeof k === "object" && k !== null && !isPyProxy(k)) || typeof k === "function") {
        throw new Error(`Cannot use key of type ${typeName(k)} as a key to a Python ${target}`);
      }
      if (k === 1) one = true;
      else if (k === true) yes = true;
      else if (k === 0) zero = true;
      else if (k === false) no = true;
    }
    const clash = one && yes ? "1 and true" : zero && no ? "0 and false" : undefined;
    if (clash) throw new Error(`Cannot faithfully convert ${kind} into Python since it contains both ${clash} as keys.`);
  }

  finish(): PyEncoding {
    // Keep grown buffers for next time, unless one huge conversion would pin them for good.
    if (this.ops.length <= SCRATCH_LIMIT) scratchOps = this.ops;
    if (this.nums.length <= SCRATCH_LIMIT) scratchNums = this.nums;
    return [this.ops.subarray(0, this.nOps), this.nums.subarray(0, this.nNums), this.texts.join(""), this.side];
  }
}

/**
 * Encodes `value` (`depth` container levels; -1: all) for the core to build in Python; `nesting`
 * is how deep inside an outer conversion (through a default converter) this one starts.
 */
export function encodePy(session: EncodeSession, value: unknown, depth: number, nesting = 0): PyEncoding {
  const encoder = new Encoder(session, nesting);
  encoder.value(value, depth);
  return encoder.finish();
}
