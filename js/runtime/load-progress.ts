// Load progress (`loadPython({ onProgress })`): the event shapes, and a reporter that keeps a
// throwing callback from breaking the load.

/** The two files `loadPython` fetches. */
export type LoadedFile = "core_bg.wasm" | "stdlib.bin";

/**
 * One step of `loadPython`, in order: `fetch` (repeatedly, for both files at once, as bytes
 * arrive), `compile` (the wasm module is compiled and the standard library installed), `boot`
 * (this runtime's interpreter starts), `ready`. The core is loaded once per page or process:
 * a later `loadPython` reports each file and the compile step once, with `cached: true`.
 */
export type LoadProgress =
  | {
      phase: "fetch";
      file: LoadedFile;
      /** The URL the file comes from (a `file:` URL in Node). */
      url: string;
      /** Bytes received so far. */
      loaded: number;
      /** The file's size, when known (`Content-Length` of an uncompressed response, or the file's size on disk). */
      total: number | undefined;
      /** True when the file was loaded by an earlier `loadPython` of this page or process. */
      cached: boolean;
    }
  | { phase: "compile"; cached: boolean }
  | { phase: "boot" }
  | { phase: "ready" };

export type ProgressCallback = (event: LoadProgress) => void;

/**
 * Calls `callback` with each event. A callback that throws is reported on the console once and
 * not called again: progress is advisory, so it never fails the load.
 */
export function progressReporter(callback: ProgressCallback | undefined): ProgressCallback {
  if (callback === undefined) return () => {};
  let broken = false;
  return (event) => {
    if (broken) return;
    try {
      callback(event);
    } catch (e) {
      broken = true;
      console.error("loadPython: onProgress threw; it is not called again for this load:", e);
    }
  };
}
