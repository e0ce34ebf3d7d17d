// PyScript's configuration (what a pyscript.json holds), given as `loadPython({ config })`:
// `js_modules.main` (URL -> name, each imported and importable from `pyscript.js_modules`),
// `files` (URL -> destination, fetched into the file system; a destination ending in `*` unpacks
// an archive there) and `experimental_create_proxy`. Everything is fetched before start-up, so a
// failing entry rejects `loadPython` with an error naming it.

import { argumentError, isRecord } from "./check-args.js";
import { fetchBytes, resolveUserUrl } from "./host.js";

/** PyScript's configuration object, as far as this runtime uses it. */
export interface PyScriptConfig {
  /** `{ main: { url: name } }`: JavaScript modules importable as `pyscript.js_modules.<name>`. */
  js_modules?: { main?: Record<string, string>; worker?: Record<string, string> };
  /**
   * URL -> destination in the file system (relative to `/home/user`). A destination ending in
   * `/` keeps the URL's file name; one ending in `*` unpacks the archive (.zip, .tar.gz, .tgz,
   * .tar, ...) into that folder. `{NAME}` keys define placeholders for the other entries.
   */
  files?: Record<string, string>;
  /** `"auto"` is `loadPython({ createProxy: "auto" })`. */
  experimental_create_proxy?: "auto" | "manual";
  [key: string]: unknown;
}

/** What the configuration asks for, fetched and imported. */
export interface LoadedConfig {
  config: PyScriptConfig;
  /** name -> module namespace. */
  modules: Record<string, unknown> | undefined;
  /** [source URL, destination, bytes]. */
  files: Array<[string, string, Uint8Array]>;
}

const METHOD = "loadPython";
const USED = new Set(["js_modules", "files", "experimental_create_proxy"]);
// PyScript's other keys: accepted so a pyscript.json loads, with a warning saying they do nothing.
const PYSCRIPT_ONLY = new Set([
  "packages", "interpreter", "plugins", "fetch", "type", "name", "sync_main_only", "debug", "lockFileURL",
  "packages_cache", "experimental_remote_packages", "experimental_ffi_timeout", "version",
]);

/** Checks the configuration's shape (types only; nothing is fetched). */
export function checkConfig(config: unknown): PyScriptConfig | undefined {
  if (config === undefined) return undefined;
  if (!isRecord(config)) throw argumentError(METHOD, "config", "an object (PyScript's configuration)", config);
  const modules = config.js_modules;
  if (modules !== undefined) {
    if (!isRecord(modules)) throw argumentError(METHOD, "config.js_modules", "an object { main: { url: name } }", modules);
    for (const [side, entries] of Object.entries(modules)) {
      if (side !== "main" && side !== "worker") {
        throw new TypeError(`${METHOD}: config.js_modules has "main" and "worker" entries, not ${JSON.stringify(side)}`);
      }
      checkStringMap(`config.js_modules.${side}`, entries);
    }
  }
  checkStringMap("config.files", config.files);
  const createProxy = config.experimental_create_proxy;
  if (createProxy !== undefined && createProxy !== "auto" && createProxy !== "manual") {
    throw argumentError(METHOD, "config.experimental_create_proxy", '"auto" or "manual"', createProxy);
  }
  return config as PyScriptConfig;
}

function checkStringMap(name: string, value: unknown): void {
  if (value === undefined) return;
  if (!isRecord(value)) throw argumentError(METHOD, name, "an object of strings", value);
  for (const [key, entry] of Object.entries(value)) {
    if (typeof entry !== "string") throw argumentError(METHOD, `${name}[${JSON.stringify(key)}]`, "a string", entry);
  }
}

/** Warns (once per load) about keys that change nothing here. */
function warnUnused(config: PyScriptConfig, where: "main" | "worker"): void {
  for (const key of Object.keys(config)) {
    if (USED.has(key)) continue;
    const why = PYSCRIPT_ONLY.has(key) ? "is a PyScript setting this runtime does not use" : "is not a PyScript setting";
    console.warn(`${METHOD}: config.${key} ${why}; it is ignored`);
  }
  if (where === "main" && config.js_modules?.worker !== undefined) {
    console.warn(`${METHOD}: config.js_modules.worker is ignored: this runtime runs on the thread that loads it`);
  }
}

/** `files` with its `{NAME}` placeholders substituted, without the placeholder entries. */
function expandPlaceholders(files: Record<string, string>): Array<[string, string]> {
  const placeholders = Object.entries(files).filter(([key]) => /^\{[^{}]+\}$/.test(key));
  const substitute = (text: string) => placeholders.reduce((s, [key, value]) => s.replaceAll(key, value), text);
  return Object.entries(files)
    .filter(([key]) => !/^\{[^{}]+\}$/.test(key))
    .map(([source, destination]) => [substitute(source), substitute(destination)]);
}

/** Imports `js_modules[side]`'s modules: name -> namespace, or undefined when there are none. */
export async function importJsModules(config: PyScriptConfig | undefined, side: "main" | "worker"): Promise<Record<string, unknown> | undefined> {
  const entries = Object.entries(config?.js_modules?.[side] ?? {});
  if (entries.length === 0) return undefined;
  return Object.fromEntries(await Promise.all(entries.map(([url, name]) => importModule(url, name, side))));
}

async function importModule(url: string, name: string, side: "main" | "worker"): Promise<[string, unknown]> {
  let resolved: URL | undefined;
  try {
    resolved = resolveUserUrl(url);
    return [name, await import(/* @vite-ignore */ /* webpackIgnore: true */ resolved.href)];
  } catch (e) {
    throw new Error(
      `${METHOD}: config.js_modules.${side}: could not import ${JSON.stringify(name)} from ${resolved?.href ?? url}: ` +
        `${(e as Error)?.message ?? e}`,
      { cause: e },
    );
  }
}

async function fetchFile(source: string, destination: string): Promise<[string, string, Uint8Array]> {
  let resolved: URL | undefined;
  try {
    resolved = resolveUserUrl(source);
    return [resolved.href, destination, await fetchBytes(resolved)];
  } catch (e) {
    throw new Error(
      `${METHOD}: config.files: could not fetch ${resolved?.href ?? source} (for ${JSON.stringify(destination)}): ` +
        `${(e as Error)?.message ?? e}`,
      { cause: e },
    );
  }
}

/**
 * Imports the modules and fetches the files the configuration names, all at once. In a worker
 * (`where`), `js_modules.worker` is imported here; `js_modules.main` is imported by the main
 * thread and reached through it (js/worker/).
 */
export async function loadConfig(config: PyScriptConfig, where: "main" | "worker" = "main"): Promise<LoadedConfig> {
  warnUnused(config, where);
  const [modules, files] = await Promise.all([
    importJsModules(config, where),
    Promise.all(expandPlaceholders(config.files ?? {}).map(([source, destination]) => fetchFile(source, destination))),
  ]);
  return { config, modules, files };
}
