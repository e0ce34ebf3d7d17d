// Refuses network access from this Node process and records each attempt: every runtime must load
// from the package's own files, and a silent download would make the figures lie.
import http from "node:http";
import https from "node:https";
import { syncBuiltinESMExports } from "node:module";

const LOCAL_HOSTS = new Set(["127.0.0.1", "localhost", "::1", "[::1]"]);
const LOCAL_SCHEMES = new Set(["file:", "data:", "blob:", "node:"]);

function targetOf(input) {
  if (typeof input === "string" || input instanceof URL) return new URL(input, "file:///");
  if (typeof input?.url === "string") return new URL(input.url, "file:///");
  return new URL(`http://${input?.hostname ?? input?.host ?? "localhost"}/`);
}

const isLocal = (url) => LOCAL_SCHEMES.has(url.protocol) || LOCAL_HOSTS.has(url.hostname);

export function refuseNetwork() {
  const attempts = [];
  const refusal = (url) => {
    attempts.push(url.href);
    return new Error(`bench: network access refused (${url.href})`);
  };
  const realFetch = globalThis.fetch;
  globalThis.fetch = (input, init) => {
    const url = targetOf(input);
    return isLocal(url) ? realFetch(input, init) : Promise.reject(refusal(url));
  };
  for (const mod of [http, https]) {
    for (const fn of ["request", "get"]) {
      const real = mod[fn];
      mod[fn] = (...args) => {
        const url = targetOf(args[0]);
        if (!isLocal(url)) throw refusal(url);
        return real(...args);
      };
    }
  }
  // Modules that imported node:http by name see the wrappers too.
  syncBuiltinESMExports();
  return attempts;
}
