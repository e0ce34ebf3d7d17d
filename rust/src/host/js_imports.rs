//! The JavaScript side of the core: small helpers (rust/src/host/helpers.js) and the hooks the
//! TypeScript layer hands to each runtime (proxy classes, error classes, output callbacks).

use js_sys::{Array, Uint16Array};
use wasm_bindgen::prelude::*;

#[wasm_bindgen(module = "/src/host/helpers.js")]
extern "C" {
    #[wasm_bindgen(js_name = kindOf)]
    pub fn kind_of(v: &JsValue) -> u32;
    #[wasm_bindgen(js_name = pyproxyId)]
    pub fn pyproxy_id(v: &JsValue) -> f64;
    /// `obj[key]` (`undefined` when absent).
    #[wasm_bindgen(js_name = getAttr, catch)]
    pub fn get_attr(obj: &JsValue, key: &JsValue) -> Result<JsValue, JsValue>;
    /// Whether `get_item` found no such item.
    #[wasm_bindgen(js_name = isMissing)]
    pub fn is_missing(v: &JsValue) -> bool;
    /// `obj[key]`'s kind (`kind_of`'s codes, or `READ_MISSING`); the value waits for `take_read`
    /// (or `take_read_number` when the kind is a number).
    #[wasm_bindgen(js_name = readAttrKind, catch)]
    pub fn read_attr_kind(obj: &JsValue, key: &JsValue) -> Result<u32, JsValue>;
    /// `obj[index]`'s kind, as `read_attr_kind` (the key crosses as a plain u32).
    #[wasm_bindgen(js_name = readIndexKind, catch)]
    pub fn read_index_kind(obj: &JsValue, index: u32) -> Result<u32, JsValue>;
    #[wasm_bindgen(js_name = takeRead)]
    pub fn take_read() -> JsValue;
    #[wasm_bindgen(js_name = takeRead)]
    pub fn take_read_number() -> f64;
    #[wasm_bindgen(js_name = setAttr, catch)]
    pub fn set_attr(obj: &JsValue, key: &JsValue, value: &JsValue) -> Result<(), JsValue>;
    #[wasm_bindgen(js_name = deleteAttr, catch)]
    pub fn delete_attr(obj: &JsValue, key: &JsValue) -> Result<bool, JsValue>;
    #[wasm_bindgen(js_name = hasAttr, catch)]
    pub fn has_attr(obj: &JsValue, key: &JsValue) -> Result<bool, JsValue>;
    #[wasm_bindgen(js_name = callFunction, catch)]
    pub fn call_function(f: &JsValue, this: &JsValue, args: &Array) -> Result<JsValue, JsValue>;
    #[wasm_bindgen(catch)]
    pub fn construct(f: &JsValue, args: &Array) -> Result<JsValue, JsValue>;
    #[wasm_bindgen(js_name = isCallable)]
    pub fn is_callable(v: &JsValue) -> bool;
    #[wasm_bindgen(js_name = typeOf)]
    pub fn type_of(v: &JsValue) -> String;
    /// `str()` of a JS value: its `toString()` (which may throw), else its tag.
    #[wasm_bindgen(js_name = stringOf, catch)]
    pub fn string_of(v: &JsValue) -> Result<JsValue, JsValue>;
    #[wasm_bindgen(js_name = isWellFormed)]
    pub fn is_well_formed(s: &JsValue) -> bool;
    #[wasm_bindgen(js_name = codeUnits)]
    pub fn code_units(s: &JsValue) -> Uint16Array;
    #[wasm_bindgen(js_name = fromCodeUnits)]
    pub fn from_code_units(units: &[u16]) -> JsValue;
    #[wasm_bindgen(js_name = bigintFromString)]
    pub fn bigint_from_string(s: &str) -> JsValue;
    #[wasm_bindgen(js_name = bigintToString)]
    pub fn bigint_to_string(b: &JsValue) -> String;
    /// A generator that a JS call returned, wrapped so that `proxies` (borrowed arguments) are
    /// destroyed when it completes; `undefined` (None) if `v` is no generator.
    #[wasm_bindgen(js_name = releaseWhenGeneratorDone)]
    pub fn release_when_generator_done(v: &JsValue, proxies: &Array) -> Option<JsValue>;
    #[wasm_bindgen(js_name = asThrownError)]
    pub fn as_thrown_error(e: &JsValue) -> JsValue;
    #[wasm_bindgen(js_name = errorName)]
    pub fn error_name(e: &JsValue) -> String;
    /// `number (5)`, `null`, `object (Map)`, ...: what a bad argument was, for messages.
    #[wasm_bindgen(js_name = describeValue)]
    pub fn describe_value(v: &JsValue) -> String;
    #[wasm_bindgen(js_name = errorMessage)]
    pub fn error_message(e: &JsValue) -> String;
    #[wasm_bindgen(js_name = objectKeysDeep, catch)]
    pub fn object_keys_deep(obj: &JsValue) -> Result<Array, JsValue>;
    #[wasm_bindgen(js_name = newObject)]
    pub fn new_object() -> JsValue;
    #[wasm_bindgen(js_name = defineOwn)]
    pub fn define_own(obj: &JsValue, key: &JsValue, value: &JsValue);
    #[wasm_bindgen(js_name = nowSeconds)]
    pub fn now_seconds() -> f64;
    #[wasm_bindgen(js_name = perfNow)]
    pub fn perf_now() -> f64;
    #[wasm_bindgen(js_name = jsFlags)]
    pub fn js_flags(v: &JsValue) -> u32;
    #[wasm_bindgen(js_name = jsLength, catch)]
    pub fn js_length(v: &JsValue) -> Result<f64, JsValue>;
    #[wasm_bindgen(js_name = getItem, catch)]
    pub fn get_item(obj: &JsValue, key: &JsValue) -> Result<JsValue, JsValue>;
    #[wasm_bindgen(js_name = setItem, catch)]
    pub fn set_item(obj: &JsValue, key: &JsValue, value: &JsValue) -> Result<(), JsValue>;
    #[wasm_bindgen(js_name = iteratorOf, catch)]
    pub fn iterator_of(obj: &JsValue, asynchronous: bool) -> Result<JsValue, JsValue>;
    #[wasm_bindgen(js_name = iteratorResult, catch)]
    pub fn iterator_result(r: &JsValue) -> Result<JsValue, JsValue>;
    pub fn truthy(v: &JsValue) -> bool;
    #[wasm_bindgen(js_name = jsId)]
    pub fn js_id(v: &JsValue) -> f64;
    #[wasm_bindgen(catch)]
    pub fn compare(a: &JsValue, b: &JsValue, op: u32) -> Result<bool, JsValue>;
    #[wasm_bindgen(js_name = isArray)]
    pub fn is_array(v: &JsValue) -> bool;
    #[wasm_bindgen(js_name = sliceOf, catch)]
    pub fn slice_of(obj: &JsValue, start: f64, stop: f64, step: f64) -> Result<JsValue, JsValue>;
    /// `Object.keys(obj)`, or with `all` `Object.getOwnPropertyNames(obj)`.
    #[wasm_bindgen(js_name = ownKeys, catch)]
    pub fn own_keys(obj: &JsValue, all: bool) -> Result<Array, JsValue>;
    #[wasm_bindgen(js_name = hasOwn, catch)]
    pub fn has_own(obj: &JsValue, key: &JsValue) -> Result<bool, JsValue>;
    /// Whether `obj[key]` is a function (a throwing getter counts as no).
    #[wasm_bindgen(js_name = hasMethod)]
    pub fn has_method(obj: &JsValue, key: &JsValue) -> bool;
    /// `obj[Symbol.dispose]()`, or a promise of `obj[Symbol.asyncDispose]()`.
    #[wasm_bindgen(catch)]
    pub fn dispose(obj: &JsValue, asynchronous: bool) -> Result<JsValue, JsValue>;
    /// A Promise or other object with a `then` method (a getter that throws counts as no).
    #[wasm_bindgen(js_name = isThenable, catch)]
    pub fn is_thenable(v: &JsValue) -> Result<bool, JsValue>;
    /// The bytes of a typed array, DataView or ArrayBuffer (a view, not a copy).
    #[wasm_bindgen(js_name = bufferBytes)]
    pub fn buffer_bytes(v: &JsValue) -> js_sys::Uint8Array;
    #[wasm_bindgen(js_name = destroyAll, catch)]
    pub fn destroy_all(proxies: &JsValue) -> Result<(), JsValue>;
}

// The TS shape of `Hooks`, emitted into core.d.ts so that js/runtime/runtime.ts's hooks object is checked
// against it (and `new Core(hooks, ...)` takes nothing else). One member per method below;
// test/node/wire-constants.test.ts checks that the two lists name the same hooks.
#[wasm_bindgen(typescript_custom_section)]
const CORE_HOOKS: &'static str = r#"
/** What the TypeScript layer gives each runtime: the core calls these (see rust/src/host/js_imports.rs). */
export interface CoreHooks {
  stashResult(value: unknown, failed: boolean): void;
  newProxy(id: number, flags: number, borrowed: boolean): unknown;
  markDestroyed(proxies: unknown[], message: string): void;
  pythonError(typeName: string, message: string): unknown;
  fsError(errno: number, code: string, message: string, op: string, path: string): unknown;
  write(fd: number, text: string): void;
  readStdin(): string | null;
  stdinIsatty(): boolean;
  attrCacheGet(key: number): unknown;
  attrCacheSet(key: number, proxy: unknown): unknown;
  schedule(callback: any, delayMs: number): void;
  requestTurn(): void;
  awaitPromise(promise: PromiseLike<unknown>, token: number): void;
  markRoundtrip(proxy: any): void;
  captureThis(proxy: any): unknown;
  onceCallable(proxy: any): unknown;
  buildJs(ops: Uint32Array, nums: Float64Array, text: string, side: unknown[], refs: unknown[], patches: any[],
    dictConverter: any, pyproxies: unknown[] | undefined, convertDefault: ((ref: number) => unknown) | undefined): unknown;
  bufferToJs(bytes: Uint8Array, format: string, itemsize: number, shape: Float64Array): unknown;
  encodeSession(converting: boolean): unknown;
  encodePy(session: any, value: unknown, depth: number, nesting: number): unknown[];
  encodeRemember(session: any, value: any): number;
  releaseWhenSettled(promise: PromiseLike<unknown>, proxies: unknown[], message: string): void;
}
"#;

#[wasm_bindgen]
extern "C" {
    /// What the TypeScript layer gives each runtime (the `hooks` object built in js/runtime/runtime.ts).
    #[wasm_bindgen(typescript_type = "CoreHooks")]
    pub type Hooks;

    /// Leaves a JS -> Python call's result (or, `failed`, the error to throw) for the caller.
    #[wasm_bindgen(method, js_name = stashResult)]
    pub fn stash_result(this: &Hooks, value: &JsValue, failed: bool);
    /// A new PyProxy for registry id `id` whose Python type has the feature `flags`.
    /// `borrowed` proxies are not registered with the FinalizationRegistry.
    #[wasm_bindgen(method, js_name = newProxy)]
    pub fn new_proxy(this: &Hooks, id: f64, flags: u32, borrowed: bool) -> JsValue;
    /// Marks PyProxies dead (their registry entries are already gone) with `message`.
    #[wasm_bindgen(method, js_name = markDestroyed)]
    pub fn mark_destroyed(this: &Hooks, proxies: &Array, message: &str);
    /// A `PythonError` for an exception of class `type_name` with the formatted traceback.
    #[wasm_bindgen(method, js_name = pythonError)]
    pub fn python_error(this: &Hooks, type_name: &str, message: &str) -> JsValue;
    /// An `Error` for a failed file-system call from JavaScript.
    #[wasm_bindgen(method, js_name = fsError)]
    pub fn fs_error(this: &Hooks, errno: i32, code: &str, message: &str, op: &str, path: &str) -> JsValue;
    /// One chunk of output from Python's stdout (fd 1) or stderr (fd 2).
    #[wasm_bindgen(method, catch)]
    pub fn write(this: &Hooks, fd: i32, text: &str) -> Result<(), JsValue>;
    /// The next chunk of standard input from the runtime's `stdin` handler (js/runtime/stdin.ts): a
    /// string, or null at end of file; throws when the handler fails or stdin is set to fail.
    #[wasm_bindgen(method, catch, js_name = readStdin)]
    pub fn read_stdin(this: &Hooks) -> Result<JsValue, JsValue>;
    /// Whether `sys.stdin.isatty()` answers true (`setStdin({ isatty: true })`).
    #[wasm_bindgen(method, js_name = stdinIsatty)]
    pub fn stdin_isatty(this: &Hooks) -> bool;
    /// The live PyProxy the attribute cache of the proxy being read holds under `key`, or
    /// `undefined` (js/pyproxy/pyproxy-handler.ts; only a read that makes a PyProxy asks).
    #[wasm_bindgen(method, js_name = attrCacheGet)]
    pub fn attr_cache_get(this: &Hooks, key: f64) -> JsValue;
    /// Caches a new proxy; returns the value to hand out (a JSON adaptor's reads give adaptors).
    #[wasm_bindgen(method, js_name = attrCacheSet)]
    pub fn attr_cache_set(this: &Hooks, key: f64, proxy: &JsValue) -> JsValue;
    /// Runs `callback` (an owned PyProxy, destroyed after it runs) after `delay_ms` with the
    /// host's `setTimeout`: the asyncio loop's timers (ready callbacks go through `request_turn`).
    #[wasm_bindgen(method)]
    pub fn schedule(this: &Hooks, callback: &JsValue, delay_ms: f64);
    /// Calls `Core.loop_turn` in a later turn of the host's event loop.
    #[wasm_bindgen(method, js_name = requestTurn)]
    pub fn request_turn(this: &Hooks);
    /// Calls `Core.promise_settled(token, ...)` when `promise` (any thenable) settles.
    #[wasm_bindgen(method, js_name = awaitPromise)]
    pub fn await_promise(this: &Hooks, promise: &JsValue, token: u32);
    /// Marks an owned PyProxy so that it crosses back into Python as its JsDoubleProxy
    /// (`create_proxy(..., roundtrip=True)`).
    #[wasm_bindgen(method, js_name = markRoundtrip)]
    pub fn mark_roundtrip(this: &Hooks, proxy: &JsValue);
    /// `proxy.captureThis()`: an alias that passes `this` as the first argument.
    #[wasm_bindgen(method, js_name = captureThis)]
    pub fn capture_this(this: &Hooks, proxy: &JsValue) -> JsValue;
    /// A JS function that calls `proxy` once and then destroys it (`create_once_callable`).
    #[wasm_bindgen(method, js_name = onceCallable)]
    pub fn once_callable(this: &Hooks, proxy: &JsValue) -> JsValue;
    /// Builds the result of an explicit Python -> JS conversion from the core's encoding
    /// (js/convert/to-js-build.ts); throws what a user converter throws.
    #[wasm_bindgen(method, catch, js_name = buildJs)]
    pub fn build_js(
        this: &Hooks,
        ops: &[u32],
        nums: &[f64],
        text: &str,
        side: &Array,
        refs: &Array,
        patches: &Array,
        dict_converter: &JsValue,
        pyproxies: &JsValue,
        convert_default: &JsValue,
    ) -> Result<JsValue, JsValue>;
    /// A copy of a buffer's C-ordered bytes as `toJs` gives it: a typed array of its format,
    /// a string for "s", booleans for "?", nested arrays for more than one dimension.
    #[wasm_bindgen(method, catch, js_name = bufferToJs)]
    pub fn buffer_to_js(this: &Hooks, bytes: &[u8], format: &str, itemsize: u32, shape: &[f64]) -> Result<JsValue, JsValue>;
    /// A memo shared by an explicit JS -> Python conversion and its nested ones
    /// (js/convert/to-py-encode.ts); `converting`: objects without a rule go to the default converter.
    #[wasm_bindgen(method, js_name = encodeSession)]
    pub fn encode_session(this: &Hooks, converting: bool) -> JsValue;
    /// The encoding of `value` for the core to build: `[ops, nums, text, side]`.
    #[wasm_bindgen(method, catch, js_name = encodePy)]
    pub fn encode_py(this: &Hooks, session: &JsValue, value: &JsValue, depth: i32, nesting: u32) -> Result<Array, JsValue>;
    /// A new reference index for `value` in the session's memo (`cacheConversion`).
    #[wasm_bindgen(method, js_name = encodeRemember)]
    pub fn encode_remember(this: &Hooks, session: &JsValue, value: &JsValue) -> u32;
    /// Destroys borrowed argument proxies once `promise` settles (a JS call that returned a
    /// Promise may use its arguments until then).
    #[wasm_bindgen(method, js_name = releaseWhenSettled)]
    pub fn release_when_settled(this: &Hooks, promise: &JsValue, proxies: &Array, message: &str);
}
