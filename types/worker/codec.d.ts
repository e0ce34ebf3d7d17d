/** One tag per kind of value. */
export declare const enum Tag {
    Undefined = 0,
    Null = 1,
    False = 2,
    True = 3,
    Int = 4,
    Float = 5,
    String = 6,
    BigInt = 7,
    TypedArray = 8,
    ArrayBuffer = 9,
    /** A plain array, copied. */
    Array = 10,
    /** A plain object, copied. */
    Object = 11,
    /** An object that lives on the main thread: id, generation, shape, capability flags. */
    MainRef = 12,
    /** An object that lives in the worker: id, generation, shape. */
    WorkerRef = 13,
    /** A thrown error, copied: name, message, stack, and the Python type when it is a PythonError. */
    Error = 14,
    /** A main-thread promise the worker mirrors with a promise of its own: its id. */
    Promise = 15,
    /** A well-known symbol (`Symbol.iterator`): its description. */
    Symbol = 16
}
/** What a referenced object looks like, so the far side builds a proxy of the same kind. */
export declare const enum Shape {
    Object = 0,
    Function = 1,
    Array = 2
}
/** A reference to an object held by the other side: its slot and the slot's generation. */
export interface Ref {
    id: number;
    gen: number;
}
/** A copied error. */
export interface ErrorData {
    name: string;
    message: string;
    stack: string;
    /** The Python exception's class name when the error is a PythonError. */
    pythonType?: string;
}
/** How one side turns its objects into references, and references back into objects. */
export interface RefPolicy {
    /**
     * How `value` (an object or function) crosses: written by the policy (as a reference, or a
     * copy through `writer.copy`), or `false` to have it copied as a plain array/object.
     */
    writeObject(writer: Writer, value: object): boolean;
    readMainRef(ref: Ref, shape: Shape, flags: number): unknown;
    readWorkerRef(ref: Ref, shape: Shape): unknown;
    readPromise(id: number): unknown;
    readError(error: ErrorData): unknown;
}
/** The well-known symbol's name, or undefined for any other symbol (which cannot cross). */
export declare function wellKnownSymbolName(s: symbol): string | undefined;
/** Writes values into a growing byte buffer. */
export declare class Writer {
    #private;
    private readonly policy;
    constructor(policy: RefPolicy);
    /** The bytes written so far (a view of the buffer). */
    get bytes(): Uint8Array;
    u8(n: number): void;
    u32(n: number): void;
    f64(n: number): void;
    string(s: string): void;
    raw(bytes: Uint8Array): void;
    ref(tag: Tag.MainRef | Tag.WorkerRef, ref: Ref, shape: Shape, flags?: number): void;
    error(e: ErrorData): void;
    value(v: unknown): void;
    /** Copies a plain array or object, its members written by the policy's rules. */
    copy(v: object): void;
}
/** Reads the values a `Writer` wrote. */
export declare class Reader {
    #private;
    private readonly bytes;
    private readonly policy;
    constructor(bytes: Uint8Array, policy: RefPolicy);
    u8(): number;
    u32(): number;
    f64(): number;
    string(): string;
    /** A copy of the next raw byte run (the message buffer may be shared memory, reused). */
    raw(): Uint8Array;
    ref(): Ref;
    value(): unknown;
}
/** The error data of a thrown value (anything may be thrown). */
export declare function errorData(e: unknown, pythonType?: string): ErrorData;
