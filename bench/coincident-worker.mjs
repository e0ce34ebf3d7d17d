// coincident's side of the worker cases: a module worker using coincident 4.1.1's window entry
// (window/worker), whose `proxy` calls main-thread functions and whose `window` reads main-thread
// globals, both synchronously (Atomics.wait) when the page is cross-origin isolated. The loops
// mirror the Python ones in workers-ours.mjs line for line.
import coincident from "../node_modules/coincident/dist/window/worker.js";

const { proxy, window, native } = await coincident();
const MiB = 1 << 20;
const OUT = new Uint8Array(MiB);

function check(ok, what) {
  if (!ok) throw new Error(what);
}

// Without SharedArrayBuffer coincident falls back to asynchronous calls: not what is measured.
check(native, "coincident is not native here: no SharedArrayBuffer (is the page cross-origin isolated?)");

proxy.calls = (n) => {
  const ping = proxy.ping;
  let total = 0;
  const t0 = performance.now();
  for (let i = 0; i < n; i++) total += ping();
  const ms = performance.now() - t0;
  check(total === n, `ping() summed to ${total}, not ${n}`);
  return ms;
};

// `document` is fetched once, as Python's `from pyscript import document` does: each loop turn is
// then one property read on main.
const document = window.document;
proxy.reads = (n, expected) => {
  let title;
  const t0 = performance.now();
  for (let i = 0; i < n; i++) title = document.title;
  const ms = performance.now() - t0;
  check(title === expected, `document.title was ${JSON.stringify(title)}, not ${JSON.stringify(expected)}`);
  return ms;
};

proxy.fromMain = (n) => {
  const get = proxy.bytes;
  let b;
  const t0 = performance.now();
  for (let i = 0; i < n; i++) b = get();
  const ms = performance.now() - t0;
  check(b instanceof Uint8Array && b.length === MiB && b[MiB - 1] === 255, "bytes() did not arrive as the 1 MiB Uint8Array");
  return ms;
};

// Passed as an argument, the array is structured-cloned (a copy), as ours copies it.
proxy.toMain = (n) => {
  const take = proxy.take;
  let total = 0;
  const t0 = performance.now();
  for (let i = 0; i < n; i++) total += take(OUT);
  const ms = performance.now() - t0;
  check(total === n * MiB, `take() saw ${total} bytes, not ${n * MiB}`);
  return ms;
};

proxy.ready = () => true;
