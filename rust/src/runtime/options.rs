//! The options of `loadPython`, declared once: TypeScript gets `LoadPythonOptions` from here
//! (tsify, in core.d.ts, re-exported by the package). The TS layer checks them before anything
//! is downloaded (it must: `wasmUrl` says where the core is, and the worker API throws
//! synchronously) and hands the core the part it uses as `CoreOptions`, read here with
//! serde-wasm-bindgen.

use serde::Deserialize;
use tsify::Tsify;
use wasm_bindgen::prelude::*;

// The generated interfaces name types of the TS layer.
#[wasm_bindgen(typescript_custom_section)]
const TS_LAYER_TYPES: &str = r#"import type { StdinResult } from "../runtime/stdin.js";
import type { UrlLike } from "../runtime/runtime.js";
import type { ProgressCallback } from "../runtime/load-progress.js";
import type { PyScriptConfig } from "../runtime/pyscript-config.js";
import type { LifecycleEventTarget } from "../runtime/lifecycle.js";"#;

/// Options of `loadPython`.
#[derive(Deserialize, Tsify)]
#[serde(rename_all = "camelCase")]
#[allow(dead_code)] // a declaration for TypeScript: the TS layer reads these (see the module's comment)
pub struct LoadPythonOptions {
    /// Called with each complete line Python writes to stdout (default: console.log).
    #[tsify(optional, type = "(line: string) => void")]
    #[serde(default, with = "serde_wasm_bindgen::preserve")]
    stdout: JsValue,
    /// Called with each complete line Python writes to stderr (default: console.warn).
    #[tsify(optional, type = "(line: string) => void")]
    #[serde(default, with = "serde_wasm_bindgen::preserve")]
    stderr: JsValue,
    /// Environment variables for `os.environ`.
    #[tsify(optional, type = "Record<string, string>")]
    #[serde(default, with = "serde_wasm_bindgen::preserve")]
    env: JsValue,
    /// Files written before start-up: a path -> content map, or a list of `{ path, data }`.
    #[tsify(optional, type = "Record<string, string | Uint8Array> | Array<{ path: string; data: string | Uint8Array }>")]
    #[serde(default, with = "serde_wasm_bindgen::preserve")]
    files: JsValue,
    /// Called when Python reads stdin (`input()`, `sys.stdin`): returns the next line (a string; a
    /// newline is added when it has none), bytes, or null/undefined at end of file. Default, as in
    /// Pyodide: the process's stdin in Node, `prompt()` in a browser's main thread. See `setStdin`.
    #[tsify(optional, type = "() => StdinResult")]
    #[serde(default, with = "serde_wasm_bindgen::preserve")]
    stdin: JsValue,
    /// Where the `.wasm` file is (default: next to this module). A relative string is resolved
    /// against the page's base URL in browsers, against the working directory (as a path) in Node.
    #[tsify(optional, type = "UrlLike")]
    #[serde(default, with = "serde_wasm_bindgen::preserve")]
    wasm_url: JsValue,
    /// Where the packed standard library `stdlib.bin` is (default: next to this module); as `wasmUrl`.
    #[tsify(optional, type = "UrlLike")]
    #[serde(default, with = "serde_wasm_bindgen::preserve")]
    stdlib_url: JsValue,
    /// Called with each step of the load: `fetch` events as the two files arrive (`loaded` and
    /// `total` bytes), then `compile`, `boot` and `ready`. A callback that throws is reported on
    /// the console and not called again; the load goes on.
    #[tsify(optional, type = "ProgressCallback")]
    #[serde(default, with = "serde_wasm_bindgen::preserve")]
    on_progress: JsValue,
    /// How long PyProxies made for the arguments of a JS call live. `"manual"` (default, as in
    /// Pyodide): until the call returns; keep one with `create_proxy`. `"auto"` (PyScript's
    /// `experimental_create_proxy = "auto"`): until JS drops it (FinalizationRegistry).
    #[tsify(optional)]
    #[serde(default)]
    create_proxy: Option<CreateProxy>,
    /// Debug mode: `setDebug(true)` from the start and, beyond Pyodide, each PyProxy remembers the
    /// JS stack that made it: a destroyed proxy's error shows it, and `stats().live` lists the live
    /// proxies with theirs.
    #[tsify(optional)]
    #[serde(default)]
    debug: Option<bool>,
    /// PyScript's configuration object (what a `pyscript.json` holds): `js_modules.main`, `files`
    /// and `experimental_create_proxy` are used; everything it names is loaded before the runtime
    /// starts. See docs/pyscript.md.
    #[tsify(optional, type = "PyScriptConfig")]
    #[serde(default, with = "serde_wasm_bindgen::preserve")]
    config: JsValue,
    /// The element `pyscript.display()` writes to by default (PyScript's script tag): an element, or
    /// its id. Lifecycle events are dispatched on it (they bubble to the window).
    #[tsify(optional, type = "string | object")]
    #[serde(default, with = "serde_wasm_bindgen::preserve")]
    target: JsValue,
    /// Where the lifecycle events `py:ready` and `py:done` are dispatched (default: `target`, else
    /// the global scope in browsers and workers; in Node, nowhere unless given).
    #[tsify(optional, type = "LifecycleEventTarget")]
    #[serde(default, with = "serde_wasm_bindgen::preserve")]
    event_target: JsValue,
}

/// `loadPython`'s `createProxy`.
#[derive(Deserialize, Tsify, Default, Clone, Copy, PartialEq, Eq)]
#[serde(rename_all = "lowercase")]
pub enum CreateProxy {
    #[default]
    Manual,
    Auto,
}

/// One file written before start-up.
#[derive(Deserialize, Tsify)]
pub struct CoreFile {
    pub path: String,
    #[tsify(type = "Uint8Array")]
    #[serde(with = "serde_wasm_bindgen::preserve")]
    pub data: js_sys::Uint8Array,
}

/// What `new Core(hooks, options)` reads: the parts of `LoadPythonOptions` the core uses, as the
/// TS layer resolved them (files as bytes, `createProxy` with PyScript's config applied).
#[derive(Deserialize, Tsify)]
#[serde(rename_all = "camelCase")]
pub struct CoreOptions {
    /// `os.environ`'s start, in the object's key order.
    #[tsify(type = "Record<string, string>")]
    #[serde(with = "serde_wasm_bindgen::preserve")]
    pub env: js_sys::Object,
    pub files: Vec<CoreFile>,
    pub create_proxy: CreateProxy,
}
