// The JS half of an explicit Python -> JS conversion (`toJs`, `to_js`). The core walks the Python
// objects and hands over one encoding (rust/src/convert/to_js.rs): op words, a number stream and one text
// blob. One pass here builds the containers, so plain data crosses the boundary once per
// conversion, not once per element. User converters run from here, in JS.

import { WireLimit, WireOp } from "../wasm/core.js";

// Op codes: the low bits of a word; the rest is its argument (declared in rust/wire/src/lib.rs).
const UNDEFINED = WireOp.Undefined, NULL = WireOp.Null, FALSE = WireOp.False, TRUE = WireOp.True;
const NUMBER = WireOp.Number, STRING = WireOp.String, BIGINT = WireOp.BigInt, SIDE = WireOp.Side;
const PROXY = WireOp.Proxy, REF = WireOp.Ref, ARRAY = WireOp.Array, MAP = WireOp.Map, SET = WireOp.Set;
const ENTRIES = WireOp.Entries, CONVERT = WireOp.Convert, SHARED = WireOp.Buffer;
const OP_BITS = WireLimit.OpBits, OP_MASK = (1 << OP_BITS) - 1;
// Flags in a STRING's argument: a dict key made once and kept in the key table (KEY_NEW), or a
// key from it (KEY_REF, index in the low bits). Records repeating their keys then make each key
// string once, which V8 internalizes once instead of on every property store.
const KEY_NEW = WireLimit.KeyNew, KEY_REF = WireLimit.KeyRef, KEY_MASK = KEY_REF - 1;

/** A reference used before its value exists (a cycle through a converter); patched at the end. */
class Pending {
  constructor(readonly ref: number) {}
}

const enum Slot {
  Index,
  MapValue,
  Property,
}

/** Where a pending reference must be written once it is built. */
type Patch = [target: any, key: any, slot: Slot, ref: number];

function defineOwn(obj: any, key: PropertyKey, value: unknown): void {
  // "__proto__" must become an own property, never a prototype change.
  if (key === "__proto__") Object.defineProperty(obj, key, { value, writable: true, enumerable: true, configurable: true });
  else obj[key] = value;
}

// V8 gives each new key of a fast-mode object a new hidden class: for big dicts a hash-table
// ("dictionary mode") object is about twice as fast to fill. Deleting a property that is not the
// last one added switches an object to dictionary mode.
const LARGE_OBJECT = 64;
function toDictionaryMode(obj: Record<PropertyKey, unknown>): void {
  obj.__pyffi_a = 0;
  obj.__pyffi_b = 0;
  delete obj.__pyffi_a;
  delete obj.__pyffi_b;
}

function applyPatch([target, key, slot, ref]: Patch, value: unknown): void {
  if (slot === Slot.MapValue) target.set(key, value);
  else if (slot === Slot.Index) target[key] = value;
  else defineOwn(target, typeof key === "symbol" ? key : String(key), value);
}

/** Writes every pending reference that has been built since; the rest wait for a later build. */
function resolvePatches(patches: Patch[], refs: unknown[]): void {
  let kept = 0;
  for (const patch of patches) {
    if (patch[3] in refs) applyPatch(patch, refs[patch[3]]);
    else patches[kept++] = patch;
  }
  patches.length = kept;
}

export function buildJs(
  opsView: Uint32Array,
  numsView: Float64Array,
  text: string,
  side: unknown[],
  refs: unknown[],
  patches: Patch[],
  dictConverter: ((entries: unknown[][]) => unknown) | undefined,
  pyproxies: unknown[] | undefined,
  convertDefault: ((ref: number) => unknown) | undefined,
): unknown {
  const fromEntries = dictConverter === Object.fromEntries;
  // The views are over wasm memory, which a user converter's Python code may grow (detaching
  // them): with user code in play, work on copies.
  const userCode = convertDefault !== undefined || (dictConverter !== undefined && !fromEntries);
  const ops = userCode ? opsView.slice() : opsView;
  const nums = userCode ? numsView.slice() : numsView;
  let pc = 0;
  let ni = 0;
  let ti = 0;
  const keys: string[] = [];

  const next = (): unknown => {
    const word = ops[pc++];
    const arg = word >>> OP_BITS;
    switch (word & OP_MASK) {
      case UNDEFINED:
        return undefined;
      case NULL:
        return null;
      case FALSE:
        return false;
      case TRUE:
        return true;
      case NUMBER:
        return nums[ni++];
      case STRING: {
        if (arg < KEY_REF) return text.slice(ti, (ti += arg));
        if (arg < KEY_NEW) return keys[arg & KEY_MASK];
        const key = text.slice(ti, (ti += arg & KEY_MASK));
        keys.push(key);
        return key;
      }
      case BIGINT:
        return BigInt(text.slice(ti, (ti += arg)));
      case SIDE:
        return side[arg];
      case PROXY: {
        const proxy = side[ops[pc++]];
        refs[arg] = proxy;
        pyproxies?.push(proxy);
        return proxy;
      }
      case SHARED:
        return (refs[arg] = side[ops[pc++]]);
      case REF:
        return arg in refs ? refs[arg] : new Pending(arg);
      case ARRAY: {
        const n = ops[pc++];
        const array: unknown[] = [];
        refs[arg] = array;
        for (let i = 0; i < n; i++) {
          const w = ops[pc];
          if ((w & OP_MASK) === NUMBER) {
            // A run of numbers (the core groups consecutive ones).
            pc++;
            const end = ni + (w >>> OP_BITS);
            while (ni < end) array.push(nums[ni++]);
            i += (w >>> OP_BITS) - 1;
            continue;
          }
          const v = next();
          if (v instanceof Pending) patches.push([array, i, Slot.Index, v.ref]);
          array.push(v);
        }
        return array;
      }
      case MAP: {
        const n = ops[pc++];
        const map = new Map();
        refs[arg] = map;
        for (let i = 0; i < n; i++) {
          const k = next();
          const v = next();
          if (v instanceof Pending) patches.push([map, k, Slot.MapValue, v.ref]);
          map.set(k, v);
        }
        return map;
      }
      case SET: {
        const n = ops[pc++];
        const set = new Set();
        refs[arg] = set;
        for (let i = 0; i < n; i++) set.add(next());
        return set;
      }
      case ENTRIES:
        return fromEntries ? plainObject(arg) : converted(arg);
      case CONVERT:
        return (refs[arg] = convertDefault!(arg));
      default:
        throw new Error(`toJs: corrupt conversion stream (op ${word & OP_MASK})`);
    }
  };

  // `Object.fromEntries` built directly: the object exists before its values, so a dict that
  // contains itself becomes an object that contains itself.
  const plainObject = (ref: number): unknown => {
    const n = ops[pc++];
    const obj: Record<PropertyKey, unknown> = {};
    if (n > LARGE_OBJECT) toDictionaryMode(obj);
    refs[ref] = obj;
    for (let i = 0; i < n; i++) {
      const k = next();
      const v = next();
      const key = typeof k === "symbol" ? k : String(k);
      if (v instanceof Pending) patches.push([obj, key, Slot.Property, v.ref]);
      defineOwn(obj, key, v);
    }
    return obj;
  };

  // Any other converter sees the `[key, value]` entries; values not built yet (cycles back to
  // this dict or an ancestor) are patched into its result afterwards.
  const converted = (ref: number): unknown => {
    const n = ops[pc++];
    const entries: unknown[][] = [];
    const later: Array<[key: unknown, ref: number]> = [];
    for (let i = 0; i < n; i++) {
      const k = next();
      const v = next();
      if (v instanceof Pending) later.push([k, v.ref]);
      entries.push([k, v]);
    }
    const result: any = dictConverter!(entries);
    refs[ref] = result;
    for (const [k, r] of later) patches.push([result, k, result instanceof Map ? Slot.MapValue : Slot.Property, r]);
    return result;
  };

  const result = next();
  resolvePatches(patches, refs);
  return result;
}
