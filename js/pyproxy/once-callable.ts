// create_once_callable's JS side: a function that calls its PyProxy once and then frees it.

import type { PyProxy } from "./pyproxy.js";

export function onceCallable(proxy: PyProxy & ((...args: unknown[]) => unknown)): (...args: unknown[]) => unknown {
  // Pyodide's two messages: calling after the call or after destroy() is "called once";
  // destroying twice is "already destroyed".
  let used = false;
  const destroy = () => {
    if (used) throw new Error("OnceProxy has already been destroyed");
    used = true;
    proxy.destroy();
  };
  const once = function (this: unknown, ...args: unknown[]): unknown {
    if (used) throw new Error("OnceProxy can only be called once");
    try {
      return Reflect.apply(proxy, this, args);
    } finally {
      destroy();
    }
  };
  // Frees the Python callable without calling it.
  Object.defineProperty(once, "destroy", { value: destroy });
  return once;
}
