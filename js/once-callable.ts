// create_once_callable's JS side: a function that calls its PyProxy once and then frees it.

import type { PyProxy } from "./pyproxy.js";

export function onceCallable(proxy: PyProxy & ((...args: unknown[]) => unknown)): (...args: unknown[]) => unknown {
  let state: "ready" | "called" | "destroyed" = "ready";
  const once = function (this: unknown, ...args: unknown[]): unknown {
    if (state === "called") throw new Error("OnceProxy can only be called once");
    if (state === "destroyed") throw new Error("OnceProxy has already been destroyed");
    state = "called";
    try {
      return Reflect.apply(proxy, this, args);
    } finally {
      proxy.destroy();
    }
  };
  // Frees the Python callable without calling it.
  Object.defineProperty(once, "destroy", {
    value: () => {
      if (state !== "ready") throw new Error("OnceProxy has already been destroyed");
      state = "destroyed";
      proxy.destroy();
    },
  });
  return once;
}
