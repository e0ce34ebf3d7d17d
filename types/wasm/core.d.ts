/* tslint:disable */
/* eslint-disable */

export class Core {
    free(): void;
    [Symbol.dispose](): void;
    /**
     * Calls a function of the boot module by name with converted arguments (module registry,
     * output flushing): the Python side owns the logic, this is only the crossing.
     */
    call_boot(name: string, args: Array<any>): any;
    fs_cwd(): string;
    fs_exists(path: string): boolean;
    fs_mkdir(path: string, recursive: boolean): void;
    fs_read_file(path: string): Uint8Array;
    fs_readdir(path: string): string[];
    fs_rename(from: string, to: string): void;
    fs_rmdir(path: string): void;
    /**
     * `[mode, size, atime, mtime, ctime, ino, nlink]` (the TS layer names them).
     */
    fs_stat(path: string): Float64Array;
    fs_unlink(path: string): void;
    fs_write_file(path: string, data: Uint8Array | number[], make_parents: boolean): void;
    /**
     * `__main__`'s dict as a new owned PyProxy.
     */
    globals(): any;
    /**
     * Whether the last `proxy_next` or `proxy_step` finished.
     */
    last_done(): boolean;
    /**
     * Builds the interpreter and runs the boot module with `env` (an object of strings) and
     * `files` (an array of `[path, Uint8Array]` written before start-up).
     */
    constructor(hooks: any, env: object, files: Array<any>);
    /**
     * Calls the object with JS arguments (and keyword arguments from `kwargs` if it is an object).
     */
    proxy_call(id: number, args: Array<any>, kwargs: any): any;
    proxy_contains(id: number, key: any): boolean;
    proxy_copy(id: number): number;
    proxy_delattr(id: number, name: string): void;
    proxy_delitem(id: number, key: any): void;
    proxy_dir(id: number): Array<any>;
    /**
     * Acquires the object's buffer (through a memoryview kept in the registry) and describes
     * where its bytes are; the JS side builds the typed array over wasm memory.
     */
    proxy_get_buffer(id: number): object;
    /**
     * `getattr`; a missing attribute is `undefined`, as for any JS property.
     */
    proxy_getattr(id: number, name: string): any;
    /**
     * `obj[key]`; KeyError and IndexError give `undefined` (Pyodide's `get`).
     */
    proxy_getitem(id: number, key: any): any;
    proxy_hasattr(id: number, name: string): boolean;
    /**
     * Runs helper `name(obj, *args)` from `_pyffi_proxy`. With `spread`, a list or tuple result
     * comes back as a JS Array of its items (each converted implicitly).
     */
    proxy_helper(name: string, id: number, args: Array<any>, spread: boolean): any;
    proxy_is_alive(id: number): boolean;
    /**
     * `iter(obj)` as a new owned PyProxy.
     */
    proxy_iter(id: number): any;
    proxy_len(id: number): number;
    /**
     * One step of an iterator: `next(it)` when `arg` is undefined, else `it.send(arg)`.
     * Returns the value (or the StopIteration value) and sets `last_done`.
     */
    proxy_next(id: number, arg: any): any;
    proxy_release(id: number): boolean;
    proxy_repr(id: number): any;
    proxy_setattr(id: number, name: string, value: any): void;
    proxy_setitem(id: number, key: any, value: any): void;
    /**
     * Runs helper `name(obj, *args)` from `_pyffi_proxy`, which returns `(done, value)`;
     * returns the value and sets `last_done` (generator `throw`/`return`).
     */
    proxy_step(name: string, id: number, args: Array<any>): any;
    proxy_str(id: number): any;
    /**
     * Deep conversion: list/tuple -> Array, dict -> Map, set -> Set, `depth` levels (-1: all).
     */
    proxy_to_js(id: number, depth: number): any;
    proxy_type(id: number): string;
    pyimport(name: string): any;
    /**
     * Runs `code`; returns the last expression's value (a new owned PyProxy if it has no JS form).
     * With `allow_await`, top-level `await` is allowed and the result may be an awaitable.
     */
    run(code: string, globals_id: number | null | undefined, filename: string, allow_await: boolean): any;
    /**
     * Live entries of both tables: Python objects JS holds, JS objects Python holds.
     */
    stats(): object;
}

export type InitInput = RequestInfo | URL | Response | BufferSource | WebAssembly.Module;

export interface InitOutput {
    readonly memory: WebAssembly.Memory;
    readonly __wbg_core_free: (a: number, b: number) => void;
    readonly core_call_boot: (a: number, b: number, c: number, d: any) => [number, number, number];
    readonly core_fs_cwd: (a: number) => [number, number];
    readonly core_fs_exists: (a: number, b: number, c: number) => number;
    readonly core_fs_mkdir: (a: number, b: number, c: number, d: number) => [number, number];
    readonly core_fs_read_file: (a: number, b: number, c: number) => [number, number, number, number];
    readonly core_fs_readdir: (a: number, b: number, c: number) => [number, number, number, number];
    readonly core_fs_rename: (a: number, b: number, c: number, d: number, e: number) => [number, number];
    readonly core_fs_rmdir: (a: number, b: number, c: number) => [number, number];
    readonly core_fs_stat: (a: number, b: number, c: number) => [number, number, number, number];
    readonly core_fs_unlink: (a: number, b: number, c: number) => [number, number];
    readonly core_fs_write_file: (a: number, b: number, c: number, d: number, e: number, f: number) => [number, number];
    readonly core_globals: (a: number) => [number, number, number];
    readonly core_last_done: (a: number) => number;
    readonly core_new: (a: any, b: any, c: any) => [number, number, number];
    readonly core_proxy_call: (a: number, b: number, c: any, d: any) => [number, number, number];
    readonly core_proxy_contains: (a: number, b: number, c: any) => [number, number, number];
    readonly core_proxy_copy: (a: number, b: number) => [number, number, number];
    readonly core_proxy_delattr: (a: number, b: number, c: number, d: number) => [number, number];
    readonly core_proxy_delitem: (a: number, b: number, c: any) => [number, number];
    readonly core_proxy_dir: (a: number, b: number) => [number, number, number];
    readonly core_proxy_get_buffer: (a: number, b: number) => [number, number, number];
    readonly core_proxy_getattr: (a: number, b: number, c: number, d: number) => [number, number, number];
    readonly core_proxy_getitem: (a: number, b: number, c: any) => [number, number, number];
    readonly core_proxy_hasattr: (a: number, b: number, c: number, d: number) => [number, number, number];
    readonly core_proxy_helper: (a: number, b: number, c: number, d: number, e: any, f: number) => [number, number, number];
    readonly core_proxy_is_alive: (a: number, b: number) => number;
    readonly core_proxy_iter: (a: number, b: number) => [number, number, number];
    readonly core_proxy_len: (a: number, b: number) => [number, number, number];
    readonly core_proxy_next: (a: number, b: number, c: any) => [number, number, number];
    readonly core_proxy_release: (a: number, b: number) => number;
    readonly core_proxy_repr: (a: number, b: number) => [number, number, number];
    readonly core_proxy_setattr: (a: number, b: number, c: number, d: number, e: any) => [number, number];
    readonly core_proxy_setitem: (a: number, b: number, c: any, d: any) => [number, number];
    readonly core_proxy_step: (a: number, b: number, c: number, d: number, e: any) => [number, number, number];
    readonly core_proxy_str: (a: number, b: number) => [number, number, number];
    readonly core_proxy_to_js: (a: number, b: number, c: number) => [number, number, number];
    readonly core_proxy_type: (a: number, b: number) => [number, number, number, number];
    readonly core_pyimport: (a: number, b: number, c: number) => [number, number, number];
    readonly core_run: (a: number, b: number, c: number, d: number, e: number, f: number, g: number, h: number) => [number, number, number];
    readonly core_stats: (a: number) => any;
    readonly lzma_check_is_supported: (a: number) => number;
    readonly lzma_alloc: (a: number, b: number) => number;
    readonly lzma_alloc_zero: (a: number, b: number) => number;
    readonly lzma_alone_decoder: (a: number, b: bigint) => number;
    readonly lzma_alone_encoder: (a: number, b: number) => number;
    readonly lzma_auto_decoder: (a: number, b: bigint, c: number) => number;
    readonly lzma_bcj_arm64_decode: (a: number, b: number, c: number) => number;
    readonly lzma_bcj_arm64_encode: (a: number, b: number, c: number) => number;
    readonly lzma_bcj_riscv_decode: (a: number, b: number, c: number) => number;
    readonly lzma_bcj_riscv_encode: (a: number, b: number, c: number) => number;
    readonly lzma_bcj_x86_decode: (a: number, b: number, c: number) => number;
    readonly lzma_bcj_x86_encode: (a: number, b: number, c: number) => number;
    readonly lzma_block_buffer_bound: (a: number) => number;
    readonly lzma_block_buffer_decode: (a: number, b: number, c: number, d: number, e: number, f: number, g: number, h: number) => number;
    readonly lzma_block_buffer_encode: (a: number, b: number, c: number, d: number, e: number, f: number, g: number) => number;
    readonly lzma_block_compressed_size: (a: number, b: bigint) => number;
    readonly lzma_block_decoder: (a: number, b: number) => number;
    readonly lzma_block_encoder: (a: number, b: number) => number;
    readonly lzma_block_header_decode: (a: number, b: number, c: number) => number;
    readonly lzma_block_header_encode: (a: number, b: number) => number;
    readonly lzma_block_header_size: (a: number) => number;
    readonly lzma_block_total_size: (a: number) => bigint;
    readonly lzma_block_uncomp_encode: (a: number, b: number, c: number, d: number, e: number, f: number) => number;
    readonly lzma_block_unpadded_size: (a: number) => bigint;
    readonly lzma_check_size: (a: number) => number;
    readonly lzma_code: (a: number, b: number) => number;
    readonly lzma_cputhreads: () => number;
    readonly lzma_crc32: (a: number, b: number, c: number) => number;
    readonly lzma_crc64: (a: number, b: number, c: bigint) => bigint;
    readonly lzma_easy_buffer_encode: (a: number, b: number, c: number, d: number, e: number, f: number, g: number, h: number) => number;
    readonly lzma_easy_decoder_memusage: (a: number) => bigint;
    readonly lzma_easy_encoder: (a: number, b: number, c: number) => number;
    readonly lzma_easy_encoder_memusage: (a: number) => bigint;
    readonly lzma_end: (a: number) => void;
    readonly lzma_file_info_decoder: (a: number, b: number, c: bigint, d: bigint) => number;
    readonly lzma_filter_decoder_is_supported: (a: bigint) => number;
    readonly lzma_filter_encoder_is_supported: (a: bigint) => number;
    readonly lzma_filter_flags_decode: (a: number, b: number, c: number, d: number, e: number) => number;
    readonly lzma_filter_flags_encode: (a: number, b: number, c: number, d: number) => number;
    readonly lzma_filter_flags_size: (a: number, b: number) => number;
    readonly lzma_filters_copy: (a: number, b: number, c: number) => number;
    readonly lzma_filters_free: (a: number, b: number) => void;
    readonly lzma_filters_update: (a: number, b: number) => number;
    readonly lzma_free: (a: number, b: number) => void;
    readonly lzma_get_check: (a: number) => number;
    readonly lzma_get_progress: (a: number, b: number, c: number) => void;
    readonly lzma_index_append: (a: number, b: number, c: bigint, d: bigint) => number;
    readonly lzma_index_block_count: (a: number) => bigint;
    readonly lzma_index_buffer_decode: (a: number, b: number, c: number, d: number, e: number, f: number) => number;
    readonly lzma_index_buffer_encode: (a: number, b: number, c: number, d: number) => number;
    readonly lzma_index_cat: (a: number, b: number, c: number) => number;
    readonly lzma_index_checks: (a: number) => number;
    readonly lzma_index_decoder: (a: number, b: number, c: bigint) => number;
    readonly lzma_index_dup: (a: number, b: number) => number;
    readonly lzma_index_encoder: (a: number, b: number) => number;
    readonly lzma_index_end: (a: number, b: number) => void;
    readonly lzma_index_file_size: (a: number) => bigint;
    readonly lzma_index_hash_append: (a: number, b: bigint, c: bigint) => number;
    readonly lzma_index_hash_decode: (a: number, b: number, c: number, d: number) => number;
    readonly lzma_index_hash_end: (a: number, b: number) => void;
    readonly lzma_index_hash_init: (a: number, b: number) => number;
    readonly lzma_index_hash_size: (a: number) => bigint;
    readonly lzma_index_init: (a: number) => number;
    readonly lzma_index_iter_init: (a: number, b: number) => void;
    readonly lzma_index_iter_locate: (a: number, b: bigint) => number;
    readonly lzma_index_iter_next: (a: number, b: number) => number;
    readonly lzma_index_iter_rewind: (a: number) => void;
    readonly lzma_index_memusage: (a: bigint, b: bigint) => bigint;
    readonly lzma_index_memused: (a: number) => bigint;
    readonly lzma_index_size: (a: number) => bigint;
    readonly lzma_index_stream_count: (a: number) => bigint;
    readonly lzma_index_stream_flags: (a: number, b: number) => number;
    readonly lzma_index_stream_padding: (a: number, b: bigint) => number;
    readonly lzma_index_stream_size: (a: number) => bigint;
    readonly lzma_index_total_size: (a: number) => bigint;
    readonly lzma_index_uncompressed_size: (a: number) => bigint;
    readonly lzma_lzip_decoder: (a: number, b: bigint, c: number) => number;
    readonly lzma_lzma_preset: (a: number, b: number) => number;
    readonly lzma_memlimit_get: (a: number) => bigint;
    readonly lzma_memlimit_set: (a: number, b: bigint) => number;
    readonly lzma_memusage: (a: number) => bigint;
    readonly lzma_mf_is_supported: (a: number) => number;
    readonly lzma_microlzma_decoder: (a: number, b: bigint, c: bigint, d: number, e: number) => number;
    readonly lzma_microlzma_encoder: (a: number, b: number) => number;
    readonly lzma_mode_is_supported: (a: number) => number;
    readonly lzma_mt_block_size: (a: number) => bigint;
    readonly lzma_physmem: () => bigint;
    readonly lzma_properties_decode: (a: number, b: number, c: number, d: number) => number;
    readonly lzma_properties_encode: (a: number, b: number) => number;
    readonly lzma_properties_size: (a: number, b: number) => number;
    readonly lzma_raw_buffer_decode: (a: number, b: number, c: number, d: number, e: number, f: number, g: number, h: number) => number;
    readonly lzma_raw_buffer_encode: (a: number, b: number, c: number, d: number, e: number, f: number, g: number) => number;
    readonly lzma_raw_decoder: (a: number, b: number) => number;
    readonly lzma_raw_decoder_memusage: (a: number) => bigint;
    readonly lzma_raw_encoder: (a: number, b: number) => number;
    readonly lzma_raw_encoder_memusage: (a: number) => bigint;
    readonly lzma_str_from_filters: (a: number, b: number, c: number, d: number) => number;
    readonly lzma_str_list_filters: (a: number, b: bigint, c: number, d: number) => number;
    readonly lzma_str_to_filters: (a: number, b: number, c: number, d: number, e: number) => number;
    readonly lzma_stream_buffer_bound: (a: number) => number;
    readonly lzma_stream_buffer_decode: (a: number, b: number, c: number, d: number, e: number, f: number, g: number, h: number, i: number) => number;
    readonly lzma_stream_buffer_encode: (a: number, b: number, c: number, d: number, e: number, f: number, g: number, h: number) => number;
    readonly lzma_stream_decoder: (a: number, b: bigint, c: number) => number;
    readonly lzma_stream_encoder: (a: number, b: number, c: number) => number;
    readonly lzma_stream_flags_compare: (a: number, b: number) => number;
    readonly lzma_stream_footer_decode: (a: number, b: number) => number;
    readonly lzma_stream_footer_encode: (a: number, b: number) => number;
    readonly lzma_stream_header_decode: (a: number, b: number) => number;
    readonly lzma_stream_header_encode: (a: number, b: number) => number;
    readonly lzma_version_number: () => number;
    readonly lzma_version_string: () => number;
    readonly lzma_vli_decode: (a: number, b: number, c: number, d: number, e: number) => number;
    readonly lzma_vli_encode: (a: bigint, b: number, c: number, d: number, e: number) => number;
    readonly lzma_vli_size: (a: bigint) => number;
    readonly __wbindgen_malloc: (a: number, b: number) => number;
    readonly __wbindgen_realloc: (a: number, b: number, c: number, d: number) => number;
    readonly __wbindgen_free: (a: number, b: number, c: number) => void;
    readonly __wbindgen_exn_store: (a: number) => void;
    readonly __externref_table_alloc: () => number;
    readonly __wbindgen_externrefs: WebAssembly.Table;
    readonly __externref_table_dealloc: (a: number) => void;
    readonly __externref_drop_slice: (a: number, b: number) => void;
    readonly __wbindgen_start: () => void;
}

export type SyncInitInput = BufferSource | WebAssembly.Module;

/**
 * Instantiates the given `module`, which can either be bytes or
 * a precompiled `WebAssembly.Module`.
 *
 * @param {{ module: SyncInitInput }} module - Passing `SyncInitInput` directly is deprecated.
 *
 * @returns {InitOutput}
 */
export function initSync(module: { module: SyncInitInput } | SyncInitInput): InitOutput;

/**
 * If `module_or_path` is {RequestInfo} or {URL}, makes a request and
 * for everything else, calls `WebAssembly.instantiate` directly.
 *
 * @param {{ module_or_path: InitInput | Promise<InitInput> }} module_or_path - Passing `InitInput` directly is deprecated.
 *
 * @returns {Promise<InitOutput>}
 */
export default function __wbg_init (module_or_path?: { module_or_path: InitInput | Promise<InitInput> } | InitInput | Promise<InitInput>): Promise<InitOutput>;
