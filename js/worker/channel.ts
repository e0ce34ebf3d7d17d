// How bytes travel between the main thread and a worker. Worker -> main: `postMessage` (the main
// thread never blocks). Main -> worker: one shared-memory slot, because a worker blocked in a
// synchronous call can read nothing else; a worker that is not blocked is told to look at the
// slot by a small message (a "poke"). Every main -> worker message takes the same path, in order,
// so a call into a blocked worker is served by its wait loop instead of deadlocking.
//
// Without SharedArrayBuffer (`syncMainOnly`), main -> worker messages are posted, and the worker
// cannot make synchronous calls.

/** The end of a MessagePort-like connection: a Worker, a worker's `self`, or Node's ports. */
export interface Port {
  postMessage(message: unknown, transfer?: Transferable[]): void;
}

/** Word indexes of the shared slot's header (Int32). */
const STATE = 0;
const LENGTH = 1;
/** The worker's interrupt buffer (`setInterruptBuffer`): main writes a signal number here. */
export const INTERRUPT = 2;
const HEADER_BYTES = 16;
const EMPTY = 0;
const FULL = 1;
/** The slot starts at 64 KiB and grows (a growable SharedArrayBuffer) to fit a message. */
const INITIAL_BYTES = 64 * 1024;
const MAX_BYTES = 1024 * 1024 * 1024;

/** How long a waiting worker keeps looking at the slot before it blocks: a round trip's time. */
const SPIN_MS = 0.2;
/** `Atomics.pause` where the engine has it: a spinning thread's hint to the CPU. */
const pause = (Atomics as unknown as { pause?: () => void }).pause?.bind(Atomics);

/** The message that tells an idle worker to read the slot. */
export const POKE = "pkg-ffi:poke";

/** The shared memory of one worker, or undefined where SharedArrayBuffer is unavailable. */
export function createSharedSlot(): SharedArrayBuffer | undefined {
  if (typeof SharedArrayBuffer === "undefined") return undefined;
  // Growable where the engine supports it; a fixed slot otherwise (messages then have a cap).
  try {
    return new (SharedArrayBuffer as any)(HEADER_BYTES + INITIAL_BYTES, { maxByteLength: HEADER_BYTES + MAX_BYTES });
  } catch {
    return new SharedArrayBuffer(HEADER_BYTES + INITIAL_BYTES);
  }
}

/** Posts a copy of `bytes` (a view into a larger buffer, often), transferring the copy. */
export function postBytes(port: Port, bytes: Uint8Array): void {
  const copy = bytes.slice();
  port.postMessage(copy, [copy.buffer]);
}

/** The main thread's end: writes messages into the slot one at a time, in order. */
export class MainSlot {
  readonly #port: Port;
  readonly #shared: SharedArrayBuffer | undefined;
  readonly #words: Int32Array | undefined;
  readonly #queue: { bytes: Uint8Array; answers: number | undefined }[] = [];
  #waiting = false;
  /** The worker's synchronous requests with no answer written yet: while any, it is blocked. */
  readonly #blocking = new Set<number>();
  readonly #abandonedEarly = new Set<number>();

  /** The slot's data area: a length-tracking view, so it follows the buffer when it grows. */
  readonly #data: Uint8Array | undefined;

  constructor(port: Port, shared: SharedArrayBuffer | undefined) {
    this.#port = port;
    this.#shared = shared;
    this.#words = shared === undefined ? undefined : new Int32Array(shared, 0, 4);
    this.#data = shared === undefined ? undefined : new Uint8Array(shared, HEADER_BYTES);
  }

  get shared(): boolean {
    return this.#shared !== undefined;
  }

  /**
   * The worker sent request `id` and blocks until its answer; false when it has already given
   * up on it (its abandon, posted, overtook the request, which came through shared memory).
   */
  blocked(id: number): boolean {
    if (this.#abandonedEarly.delete(id)) return false;
    this.#blocking.add(id);
    return true;
  }

  /**
   * The worker stopped waiting for request `id` (interrupted): its answer is never sent, and
   * messages from now on need a poke, including one that may be in the slot already.
   */
  abandon(id: number): void {
    if (!this.#blocking.delete(id)) {
      this.#abandonedEarly.add(id);
      return;
    }
    const queued = this.#queue.findIndex((m) => m.answers === id);
    if (queued >= 0) this.#queue.splice(queued, 1);
    if (this.#blocking.size === 0) this.#port.postMessage(POKE);
  }

  /** Sends one message to the worker; `answers` is the id of the request it answers. */
  send(bytes: Uint8Array, answers?: number): void {
    if (this.#shared === undefined) {
      postBytes(this.#port, bytes);
      return;
    }
    // The answer to an abandoned request: nobody waits for it.
    if (answers !== undefined && !this.#blocking.has(answers)) return;
    if (HEADER_BYTES + bytes.byteLength > ((this.#shared as any).maxByteLength ?? this.#shared.byteLength)) {
      throw new RangeError(`a message of ${bytes.byteLength} bytes does not fit the worker's shared buffer`);
    }
    // Written at once when nothing is ahead of it and the slot is free; else it waits its turn
    // (a copy: the caller's buffer is reused).
    if (this.#queue.length === 0 && Atomics.load(this.#words!, STATE) === EMPTY) {
      this.#write(bytes, answers);
      return;
    }
    this.#queue.push({ bytes: bytes.slice(), answers });
    this.#pump();
  }

  #pump(): void {
    const words = this.#words!;
    while (this.#queue.length > 0) {
      if (Atomics.load(words, STATE) !== EMPTY) {
        this.#whenTaken();
        return;
      }
      const { bytes, answers } = this.#queue.shift()!;
      this.#write(bytes, answers);
    }
  }

  #write(bytes: Uint8Array, answers: number | undefined): void {
    const words = this.#words!;
    if (bytes.byteLength > this.#data!.byteLength) growToFit(this.#shared!, bytes.byteLength);
    this.#data!.set(bytes);
    Atomics.store(words, LENGTH, bytes.byteLength);
    // A blocked worker reads the slot when woken; an idle one needs telling.
    const blocked = this.#blocking.size > 0;
    if (answers !== undefined) this.#blocking.delete(answers);
    Atomics.store(words, STATE, FULL);
    Atomics.notify(words, STATE);
    if (!blocked) this.#port.postMessage(POKE);
  }

  /** Writes the rest of the queue once the worker has taken the slot's message. */
  #whenTaken(): void {
    if (this.#waiting) return;
    this.#waiting = true;
    const again = () => {
      this.#waiting = false;
      this.#pump();
    };
    whenChanged(this.#words!, STATE, FULL, again);
  }

  /** Asks the worker's running Python to stop (KeyboardInterrupt) and wakes a blocked wait. */
  interrupt(signal: number): void {
    if (this.#words === undefined) return;
    Atomics.store(this.#words, INTERRUPT, signal);
    Atomics.notify(this.#words, STATE);
  }
}


/** A slot's shared memory: the header's words, and a data area that follows the buffer as it grows. */
class SlotMemory {
  protected readonly shared: SharedArrayBuffer;
  protected readonly words: Int32Array;
  protected readonly data: Uint8Array;

  constructor(shared: SharedArrayBuffer) {
    this.shared = shared;
    this.words = new Int32Array(shared, 0, 4);
    this.data = new Uint8Array(shared, HEADER_BYTES);
  }
}

/** The worker's end of the slot. */
export class WorkerSlot extends SlotMemory {

  /** The slot's message (a copy), freeing the slot for the next; undefined when it is empty. */
  take(): Uint8Array | undefined {
    const view = this.peek();
    if (view === undefined) return undefined;
    const bytes = view.slice();
    this.release();
    return bytes;
  }

  /**
   * The slot's message in place (valid until `release`), or undefined when it is empty: an
   * answer is read where it lies, one copy less for a large one.
   */
  peek(): Uint8Array | undefined {
    if (Atomics.load(this.words, STATE) !== FULL) return undefined;
    return this.data.subarray(0, Atomics.load(this.words, LENGTH));
  }

  /** Frees the slot for main's next message. */
  release(): void {
    Atomics.store(this.words, STATE, EMPTY);
    Atomics.notify(this.words, STATE);
  }

  /**
   * Waits until main writes the slot, interrupts, or `timeoutMs` pass. An answer usually comes
   * within microseconds: a short spin first saves the cost of sleeping and being woken, then it
   * blocks without spinning.
   */
  wait(timeoutMs: number): void {
    const until = performance.now() + SPIN_MS;
    do {
      for (let i = 0; i < 64; i++) {
        if (Atomics.load(this.words, STATE) !== EMPTY || Atomics.load(this.words, INTERRUPT) !== 0) return;
        pause?.();
      }
    } while (performance.now() < until);
    Atomics.wait(this.words, STATE, EMPTY, timeoutMs);
  }

  /** The signal number main wrote to interrupt, or 0. */
  get interruptSignal(): number {
    return Atomics.load(this.words, INTERRUPT);
  }

  clearInterrupt(): void {
    Atomics.store(this.words, INTERRUPT, 0);
  }

  /** The word the runtime's `setInterruptBuffer` watches. */
  interruptBuffer(): Int32Array {
    return new Int32Array(this.shared, INTERRUPT * 4, 1);
  }
}

/**
 * The worker's requests to main, through shared memory too where main has `Atomics.waitAsync`:
 * main learns of a request without a posted message, which in browsers costs more than the
 * whole round trip otherwise. One request at a time: the worker waits for main to take one
 * before writing the next (a nested request, made while serving main's call from its wait loop).
 */
export class RequestSlot extends SlotMemory {

  /** Whether this thread can listen to a request slot without blocking (else requests are posted). */
  static supported(): boolean {
    return waitAsync !== undefined;
  }

  /** The worker's side: writes one request, once main has taken the previous one. */
  write(bytes: Uint8Array): void {
    while (Atomics.load(this.words, STATE) !== EMPTY) Atomics.wait(this.words, STATE, FULL, 50);
    if (bytes.byteLength > this.data.byteLength) growToFit(this.shared, bytes.byteLength);
    this.data.set(bytes);
    Atomics.store(this.words, LENGTH, bytes.byteLength);
    Atomics.store(this.words, STATE, FULL);
    Atomics.notify(this.words, STATE);
  }

  /** Main's side: calls `take` with each request (a view, valid while `take` runs), until `stop()`. */
  listen(take: (bytes: Uint8Array) => void): { stop(): void } {
    let stopped = false;
    const next = (): void => {
      while (!stopped && Atomics.load(this.words, STATE) === FULL) {
        // Read in place: `take` decodes the whole request before it returns (what it keeps,
        // it copies), and the worker writes no other request until this one is answered.
        try {
          take(this.data.subarray(0, Atomics.load(this.words, LENGTH)));
        } finally {
          Atomics.store(this.words, STATE, EMPTY);
          Atomics.notify(this.words, STATE);
        }
      }
      if (!stopped) whenChanged(this.words, STATE, EMPTY, next);
    };
    next();
    return { stop: () => void (stopped = true) };
  }
}

type WaitAsync = (words: Int32Array, index: number, value: number) => { async: boolean; value: Promise<unknown> | string };
const waitAsync = (Atomics as unknown as { waitAsync?: WaitAsync }).waitAsync;

/**
 * Calls `then` once `words[index]` is no longer `value` (soon, if it already is not), without
 * blocking the thread; where the engine has no `Atomics.waitAsync`, it looks again every 1 ms.
 */
function whenChanged(words: Int32Array, index: number, value: number, then: () => void): void {
  if (waitAsync === undefined) {
    setTimeout(then, 1);
    return;
  }
  const result = waitAsync(words, index, value);
  if (result.async) void (result.value as Promise<unknown>).then(then);
  else queueMicrotask(then);
}

/** Grows a growable SharedArrayBuffer so that its data area holds `length` bytes. */
function growToFit(shared: SharedArrayBuffer, length: number): void {
  const growable = shared as SharedArrayBuffer & { growable?: boolean; grow?(n: number): void; maxByteLength?: number };
  const needed = HEADER_BYTES + length;
  if (!growable.growable || needed > (growable.maxByteLength ?? 0)) {
    throw new RangeError(`a message of ${length} bytes does not fit the shared buffer between the worker and the main thread`);
  }
  let size = shared.byteLength;
  while (size < needed) size = Math.min(size * 2, growable.maxByteLength!);
  growable.grow!(size);
}
