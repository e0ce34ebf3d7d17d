/** The end of a MessagePort-like connection: a Worker, a worker's `self`, or Node's ports. */
export interface Port {
    postMessage(message: unknown, transfer?: Transferable[]): void;
}
/** The worker's interrupt buffer (`setInterruptBuffer`): main writes a signal number here. */
export declare const INTERRUPT = 2;
/** The message that tells an idle worker to read the slot. */
export declare const POKE = "pkg-ffi:poke";
/** The shared memory of one worker, or undefined where SharedArrayBuffer is unavailable. */
export declare function createSharedSlot(): SharedArrayBuffer | undefined;
/** Posts a copy of `bytes` (a view into a larger buffer, often), transferring the copy. */
export declare function postBytes(port: Port, bytes: Uint8Array): void;
/** The main thread's end: writes messages into the slot one at a time, in order. */
export declare class MainSlot {
    #private;
    constructor(port: Port, shared: SharedArrayBuffer | undefined);
    get shared(): boolean;
    /** The worker sent request `id` and blocks until its answer. */
    blocked(id: number): void;
    /**
     * The worker stopped waiting for request `id` (interrupted): its answer is never sent, and
     * messages from now on need a poke, including one that may be in the slot already.
     */
    abandon(id: number): void;
    /** Sends one message to the worker; `answers` is the id of the request it answers. */
    send(bytes: Uint8Array, answers?: number): void;
    /** Asks the worker's running Python to stop (KeyboardInterrupt) and wakes a blocked wait. */
    interrupt(signal: number): void;
}
/** The worker's end of the slot. */
export declare class WorkerSlot {
    #private;
    constructor(shared: SharedArrayBuffer);
    /** The slot's message (a copy), freeing the slot for the next; undefined when it is empty. */
    take(): Uint8Array | undefined;
    /** Blocks (without spinning) until main writes the slot, interrupts, or `timeoutMs` pass. */
    wait(timeoutMs: number): void;
    /** The signal number main wrote to interrupt, or 0. */
    get interruptSignal(): number;
    clearInterrupt(): void;
    /** The word the runtime's `setInterruptBuffer` watches. */
    interruptBuffer(): Int32Array;
}
