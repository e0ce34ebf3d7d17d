// The capability flags of a main-thread object, computed on the main thread by the core's own
// probe (rust/src/host/helpers.js) and sent with its reference, so that the worker's FFI builds
// the JsProxy without a round trip per probe (js/worker/remote-flags.ts).

import { jsFlags } from "../wasm/helpers.js";

/** The flags of `value`, for a reference to it (0 for functions: callability is the shape). */
export function remoteFlagsOf(value: object): number {
  return typeof value === "function" ? 0 : jsFlags(value);
}
