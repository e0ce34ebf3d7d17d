import type { Ref } from "./codec.js";
export declare class HeldTable {
    #private;
    /**
     * The reference for `key`, counting one more send. The first send stores `hold(key)` (what
     * `get` returns; by default `key` itself): the worker holds a PyProxy copy for a PyProxy key.
     */
    send(key: object, hold?: (key: object) => object): Ref;
    /** Holds `value` for good (the worker's `window`): releases never free it. */
    pin(value: object): Ref;
    /** The object `ref` names, or undefined when it was released (or never existed). */
    get(ref: Ref): object | undefined;
    /** The other side dropped `count` of the sends of `ref`. Stale releases do nothing. */
    release(ref: Ref, count: number): void;
    /** Called with each entry that goes (the worker destroys the PyProxies it held). */
    onFree(callback: (value: object) => void): void;
    /** How many objects are held (pinned ones included). */
    get size(): number;
    /** Drops everything (the other side is gone). */
    clear(): void;
}
/**
 * The proxies of the other side's objects: one live proxy per reference (so identity holds while
 * it lives), each registered to report, when collected, how many sends it received.
 */
export declare class RemoteCache<P extends object> {
    #private;
    constructor(onRelease: (ref: Ref, count: number) => void);
    /** The proxy for `ref` (made by `make` when none is alive), counting one more receive. */
    receive(ref: Ref, make: () => P): P;
    /** How many proxies are alive. */
    get size(): number;
    /** Forgets everything without releasing (the other side is gone). */
    clear(): void;
}
