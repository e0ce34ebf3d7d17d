// The slot through which the core hands back a JS -> Python call's result when it is not a
// plain number (see `deliver` in rust/src/pyproxy/ops.rs). Calls are synchronous and the core
// fills the slot as its last step, so one slot serves every runtime in the realm, nested calls
// included: each caller empties it right after its own call returns. A `None` result leaves it
// untouched, so the empty slot's `undefined` is the answer.

let value: unknown;
let failed = false;

/** The hook the core calls: `failed` means `v` is the error to throw. */
export function stashResult(v: unknown, isError: boolean): void {
  value = v;
  failed = isError;
}

/** A call's result from the f64 the core returned: the number itself, or NaN for "in the slot". */
export function callResult(r: number): unknown {
  if (r === r) return r;
  const v = value;
  value = undefined;
  if (failed) {
    failed = false;
    throw v;
  }
  return v;
}
