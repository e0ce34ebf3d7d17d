// PyScript's lifecycle events for this runtime: `py:progress` for each step of the load (its
// detail is the event `onProgress` gets), `py:ready` once Python has started (after the
// configuration's files and modules are in place, before `loadPython` resolves) and `py:done`
// after each `runPython` / `runPythonAsync` (detail.error holds what it threw, if it did).
// They bubble from the target they are dispatched on, so `addEventListener("py:ready", ...)` on
// the window sees them, as in PyScript.

export interface LifecycleDetail {
  /** The runtime the event is about. */
  runtime: unknown;
  /** For `py:done`: what the run threw, if it failed. */
  error?: unknown;
}

/** An EventTarget (`window`, an element, `new EventTarget()`), typed without the DOM library. */
export interface LifecycleEventTarget {
  dispatchEvent(event: any): boolean;
  addEventListener(type: string, listener: any, options?: any): void;
}

/** @internal where one runtime's lifecycle events go */
export class Lifecycle {
  readonly #target: LifecycleEventTarget | undefined;

  constructor(target: LifecycleEventTarget | undefined) {
    this.#target = target;
  }

  /**
   * Where events go: the `eventTarget` option, else the display `target` element, else the
   * global scope where it is an EventTarget (a window or a worker; not Node's globalThis).
   */
  static for(eventTarget: LifecycleEventTarget | undefined, target: unknown): Lifecycle {
    if (eventTarget !== undefined) return new Lifecycle(eventTarget);
    if (isEventTarget(target)) return new Lifecycle(target);
    return new Lifecycle(isEventTarget(globalThis) ? globalThis : undefined);
  }

  dispatch(type: "py:ready" | "py:done", detail: LifecycleDetail): void;
  dispatch(type: "py:progress", detail: object): void;
  dispatch(type: string, detail: object): void {
    const target = this.#target;
    if (target === undefined || typeof CustomEvent !== "function") return;
    target.dispatchEvent(new CustomEvent(type, { bubbles: true, detail }));
  }
}

/** @internal */
export function isEventTarget(value: unknown): value is LifecycleEventTarget {
  return typeof value === "object" && value !== null && typeof (value as LifecycleEventTarget).dispatchEvent === "function"
    && typeof (value as LifecycleEventTarget).addEventListener === "function";
}
