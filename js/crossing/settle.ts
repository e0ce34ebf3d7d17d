// Awaiting Python from JS: an awaitable runs as an asyncio task on the JS event loop, and the
// returned promise settles with its outcome (used by `runPythonAsync` and awaited PyProxies).

import { BootEntry, type Core } from "../wasm/core.js";

/** Runs a Python awaitable as an asyncio task on the JS event loop; settles with its outcome. */
export function settle(core: Core, awaitable: object): Promise<any> {
  return new Promise((resolve, reject) => core.call_boot(BootEntry.Settle, [awaitable, resolve, reject]));
}
