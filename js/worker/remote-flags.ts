// How a proxy of a main-thread object tells the worker's FFI what the object can do without a
// round trip per probe: main computes the object's capability flags (the ones a JsProxy is built
// from) and the proxy answers this registered symbol with them; the core's flag probe asks it
// first (rust/src/host/helpers.js).

import { Shape } from "./codec.js";

export const REMOTE_FLAGS = Symbol.for("@pkg/ffi.remote.flags");

/**
 * The target of a proxy of a main-thread object of this shape: `typeof`, `Array.isArray` and
 * callability follow the target. A bound function is a constructor with no `prototype` of its
 * own, so the proxy's own keys need not list one.
 */
export function remoteTarget(shape: Shape): object {
  if (shape === Shape.Function) return function remote() {}.bind(null);
  if (shape === Shape.Array) return [];
  return {};
}
