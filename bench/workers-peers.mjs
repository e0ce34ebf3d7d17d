// The two worker peers behind one small handle, so each worker case is written once:
//   start() -> { calls(n), reads(n, title), fromMain(n), toMain(n), terminate() }
// Each of the four runs a loop of n operations inside the worker, times it there (performance.now
// of the worker, the same clock for both peers), checks the last result and returns the loop's ms.
// Timing inside the worker leaves out the one asynchronous main -> worker call that starts the loop.
// Loaders are dynamic so that Node can import the names and labels without a browser.
export const PEERS = ["coincident", "ours"];
export const LABELS = { coincident: "coincident 4.1.1", ours: "ours" };

export const MiB = 1 << 20;

// The main-thread side, the same for both peers. bytes() returns one preallocated array, so a
// sample times the crossing, not an allocation on main; its last byte (255) is checked in the worker.
let payload;
export const MAIN_FUNCTIONS = {
  ping: () => 1,
  bytes: () => (payload ??= Uint8Array.from({ length: MiB }, (_, i) => i & 255)),
  take: (u8) => (u8 instanceof Uint8Array ? u8.length : -1),
};

const LOADERS = {
  coincident: () => import("./workers-coincident.mjs"),
  ours: () => import("./workers-ours.mjs"),
};

/** The peer's main-side module, imported (and its worker API checked) outside any timing. */
export async function loadPeer(name) {
  const { prepare } = await LOADERS[name]();
  return prepare();
}
