import { Shape } from "./codec.js";
export declare const REMOTE_FLAGS: unique symbol;
/**
 * The target of a proxy of a main-thread object of this shape: `typeof`, `Array.isArray` and
 * callability follow the target. A bound function is a constructor with no `prototype` of its
 * own, so the proxy's own keys need not list one.
 */
export declare function remoteTarget(shape: Shape): object;
