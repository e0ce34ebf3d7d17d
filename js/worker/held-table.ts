// The objects one side lends to the other: each has one stable id (a slot and its generation)
// and a count of how many times it was sent. The other side releases what it received, by count,
// when its proxy is collected; an entry goes when its count reaches zero. Counting (instead of
// "release means free") keeps an object alive when it is sent again while an older release is
// still on its way; generations make a release for a slot reused since harmless.

import type { Reader, Ref, Writer } from "./codec.js";

interface Entry {
  key: object;
  value: object;
  gen: number;
  sent: number;
  pinned: boolean;
}

export class HeldTable {
  #slots: (Entry | undefined)[] = [];
  #free: number[] = [];
  #ids = new Map<object, number>();
  #gens: number[] = [];

  /**
   * The reference for `key`, counting one more send. The first send stores `hold(key)` (what
   * `get` returns; by default `key` itself): the worker holds a PyProxy copy for a PyProxy key.
   */
  send(key: object, hold: (key: object) => object = (k) => k): Ref {
    let id = this.#ids.get(key);
    if (id === undefined) {
      id = this.#free.pop() ?? this.#slots.length;
      const gen = (this.#gens[id] ?? 0) + 1;
      this.#gens[id] = gen;
      this.#slots[id] = { key, value: hold(key), gen, sent: 0, pinned: false };
      this.#ids.set(key, id);
    }
    const entry = this.#slots[id]!;
    entry.sent++;
    return { id, gen: entry.gen };
  }

  /** Holds `value` for good (the worker's `window`): releases never free it. */
  pin(value: object): Ref {
    const ref = this.send(value);
    this.#slots[ref.id]!.pinned = true;
    return ref;
  }

  /** The object `ref` names, or undefined when it was released (or never existed). */
  get(ref: Ref): object | undefined {
    const entry = this.#slots[ref.id];
    return entry !== undefined && entry.gen === ref.gen ? entry.value : undefined;
  }

  /** The other side dropped `count` of the sends of `ref`. Stale releases do nothing. */
  release(ref: Ref, count: number): void {
    const entry = this.#slots[ref.id];
    if (entry === undefined || entry.gen !== ref.gen || entry.pinned) return;
    entry.sent -= count;
    if (entry.sent > 0) return;
    this.#onFree?.(entry.value);
    this.#slots[ref.id] = undefined;
    this.#ids.delete(entry.key);
    this.#free.push(ref.id);
  }

  /** Applies a batch of releases as `RemoteCache.writeReleases` wrote it. */
  releaseFrom(r: Reader): void {
    const n = r.u32();
    for (let i = 0; i < n; i++) this.release(r.ref(), r.u32());
  }

  #onFree: ((value: object) => void) | undefined;
  /** Called with each entry that goes (the worker destroys the PyProxies it held). */
  onFree(callback: (value: object) => void): void {
    this.#onFree = callback;
  }

  /** How many objects are held (pinned ones included). */
  get size(): number {
    return this.#ids.size;
  }

  /** Drops everything (the other side is gone). */
  clear(): void {
    for (const entry of this.#slots) if (entry !== undefined) this.#onFree?.(entry.value);
    this.#slots = [];
    this.#free = [];
    this.#ids.clear();
  }
}

/**
 * The proxies of the other side's objects: one live proxy per reference (so identity holds while
 * it lives), each registered to report, when collected, how many sends it received.
 */
export class RemoteCache<P extends object> {
  #live = new Map<number, { weak: WeakRef<P>; gen: number; received: number; token: object }>();
  #registry: FinalizationRegistry<{ id: number; gen: number; token: object }>;
  /** Releases not yet sent: they go with the side's next message, or after 50 ms. */
  #released: [Ref, number][] = [];
  #timer: ReturnType<typeof setTimeout> | undefined;

  /** `flush` sends the batch (`writeReleases`) when no other message took it within 50 ms. */
  constructor(flush: () => void) {
    this.#registry = new FinalizationRegistry(({ id, gen, token }) => {
      const record = this.#live.get(id);
      // A newer proxy took the slot over (and with it this one's count): nothing to release.
      if (record === undefined || record.token !== token) return;
      this.#live.delete(id);
      this.#released.push([{ id, gen }, record.received]);
      this.#timer ??= setTimeout(flush, 50);
    });
  }

  /** Whether releases are waiting to be sent. */
  get releasing(): boolean {
    return this.#released.length > 0;
  }

  /** Writes the waiting releases (count, then id, gen and count each) and forgets them. */
  writeReleases(w: Writer): void {
    if (this.#timer !== undefined) clearTimeout(this.#timer);
    this.#timer = undefined;
    w.u32(this.#released.length);
    for (const [ref, count] of this.#released) {
      w.u32(ref.id);
      w.u32(ref.gen);
      w.u32(count);
    }
    this.#released = [];
  }

  /** The proxy for `ref` (made by `make` when none is alive), counting one more receive. */
  receive(ref: Ref, make: () => P): P {
    const record = this.#live.get(ref.id);
    if (record !== undefined && record.gen === ref.gen) {
      const proxy = record.weak.deref();
      if (proxy !== undefined) {
        record.received++;
        return proxy;
      }
    }
    // The old proxy is gone but its release has not run: cancel it and carry its count on (a
    // release already sent counted only what it had).
    const carried = record !== undefined && this.#registry.unregister(record.token) && record.gen === ref.gen ? record.received : 0;
    const proxy = make();
    const token = {};
    this.#live.set(ref.id, { weak: new WeakRef(proxy), gen: ref.gen, received: carried + 1, token });
    this.#registry.register(proxy, { id: ref.id, gen: ref.gen, token }, token);
    return proxy;
  }

  /** How many proxies are alive. */
  get size(): number {
    let n = 0;
    for (const record of this.#live.values()) if (record.weak.deref() !== undefined) n++;
    return n;
  }

  /** Forgets everything without releasing (the other side is gone). */
  clear(): void {
    for (const record of this.#live.values()) this.#registry.unregister(record.token);
    this.#live.clear();
    if (this.#timer !== undefined) clearTimeout(this.#timer);
    this.#timer = undefined;
    this.#released = [];
  }
}
