// Ours: a Python worker through loadPythonWorker (the worker mode's API). The start-up code
// defines the same four loops as coincident-worker.mjs, in Python, and exports them with
// `sync.name = f`; the main functions are read from `sync` at call time, after start() set them.
import { MAIN_FUNCTIONS } from "./workers-peers.mjs";

const CODE = `
from pyscript import sync, document
from js import performance, Uint8Array

MiB = 1 << 20
OUT = Uint8Array.new(MiB)

def check(ok, what):
    if not ok:
        raise ValueError(what)

def calls(n):
    ping = sync.ping
    total = 0
    t0 = performance.now()
    for _ in range(n):
        total += ping()
    ms = performance.now() - t0
    check(total == n, f"ping() summed to {total}, not {n}")
    return ms

def reads(n, expected):
    title = None
    t0 = performance.now()
    for _ in range(n):
        title = document.title
    ms = performance.now() - t0
    check(title == expected, f"document.title was {title!r}, not {expected!r}")
    return ms

def from_main(n):
    get = sync.bytes
    b = None
    t0 = performance.now()
    for _ in range(n):
        b = get()
    ms = performance.now() - t0
    check(b.length == MiB and b[MiB - 1] == 255, "bytes() did not arrive as the 1 MiB Uint8Array")
    return ms

def to_main(n):
    take = sync.take
    total = 0
    t0 = performance.now()
    for _ in range(n):
        total += take(OUT)
    ms = performance.now() - t0
    check(total == n * MiB, f"take() saw {total} bytes, not {n * MiB}")
    return ms

sync.calls = calls
sync.reads = reads
sync.fromMain = from_main
sync.toMain = to_main
`;

export async function prepare() {
  const { loadPythonWorker } = await import("../dist/index.js");
  // The worker mode may not be built into dist/ yet: say so, rather than fail on a call of undefined.
  if (typeof loadPythonWorker !== "function") throw new Error("loadPythonWorker is not exported by dist/index.js");
  return {
    /** loadPythonWorker(...) -> resolved, which is after the worker booted and ran CODE. */
    async start() {
      const worker = await loadPythonWorker({ code: CODE });
      Object.assign(worker.sync, MAIN_FUNCTIONS);
      const { sync } = worker;
      return {
        calls: (n) => sync.calls(n),
        reads: (n, title) => sync.reads(n, title),
        fromMain: (n) => sync.fromMain(n),
        toMain: (n) => sync.toMain(n),
        terminate: () => worker.terminate(),
      };
    },
  };
}
