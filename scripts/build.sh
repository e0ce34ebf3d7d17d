#!/usr/bin/env bash
# Builds the package into dist/ (JS + wasm) and types/ (.d.ts).
#   scripts/build.sh         release: opt-level 3 for the interpreter core and the FFI, z for the
#                            rest, whole-program LTO, wasm-opt (what CI and `npm pack` use)
#   scripts/build.sh --dev   fast development build: opt-level 1, no LTO, no wasm-opt
# PKG_FFI_NO_WASM_OPT=1 skips wasm-opt (minutes on this module) for quick release experiments.
set -euo pipefail
cd "$(dirname "$0")/.."

PROFILE=release
[ "${1:-}" = "--dev" ] && PROFILE=dev-wasm
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$HOME/.cache/pkg-ffi/target}"

cargo build --target wasm32-unknown-unknown --profile "$PROFILE" -p pkg-ffi-core
rm -rf js/wasm
wasm-bindgen --target web --out-dir js/wasm --out-name core \
  "$CARGO_TARGET_DIR/wasm32-unknown-unknown/$PROFILE/pkg_ffi_core.wasm"
# The TS layer's door into the JS snippet the glue imports (whose folder name has a hash): the
# same module instance as the glue's (js/worker/main-flags.ts reads the core's flag probe, and
# js/runtime/check-args.ts describes bad arguments as the core does).
helpers_snippet=$(cd js/wasm && ls snippets/*/src/host/helpers.js)
printf 'export { jsFlags, describeValue } from "./%s";\n' "$helpers_snippet" > js/wasm/helpers.js
printf 'export declare function jsFlags(value: unknown): number;\nexport declare function describeValue(value: unknown): string;\n' > js/wasm/helpers.d.ts
# The public option types (tsify's output in core.d.ts) in a file of their own.
node scripts/option-types.mjs
if [ "$PROFILE" = release ] && [ "${PKG_FFI_NO_WASM_OPT:-}" != 1 ]; then
  # Only the features rustc emits by default: Node 20 rejects modules that use more.
  if ! node_modules/.bin/wasm-opt -Os --enable-bulk-memory --enable-nontrapping-float-to-int \
    --enable-sign-ext --enable-mutable-globals --enable-reference-types --enable-multivalue \
    js/wasm/core_bg.wasm -o js/wasm/core_bg.opt.wasm; then
    # The unoptimised module is correct, only larger: ship it rather than fail, and say so.
    echo "[build] WARNING: wasm-opt failed; the wasm is not size-optimised" >&2
  else
    mv js/wasm/core_bg.opt.wasm js/wasm/core_bg.wasm
  fi
fi

# The standard library ships packed beside the wasm, from the rustpython-pylib crate cargo fetched.
PYLIB_DIR=$(cargo metadata --format-version 1 --filter-platform wasm32-unknown-unknown 2>/dev/null \
  | node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>{const p=JSON.parse(s).packages.find(p=>p.name==="rustpython-pylib");process.stdout.write(p?require("path").dirname(p.manifest_path):"")})')
[ -d "$PYLIB_DIR/Lib" ] || { echo "[build] rustpython-pylib's Lib/ not found" >&2; exit 1; }
node scripts/pack-stdlib.mjs "$PYLIB_DIR/Lib" js/wasm/stdlib.bin

# Every generated declaration, so a moved or renamed file leaves none behind.
rm -rf dist && find types -mindepth 1 ! -name README.md -delete
node_modules/.bin/tsc -p tsconfig.json
cp -r js/wasm dist/wasm
mkdir -p types/wasm && cp js/wasm/core.d.ts js/wasm/helpers.d.ts js/wasm/options.d.ts types/wasm/
rm -f dist/wasm/.gitignore dist/wasm/package.json
# Second pass over the standard library: add the compiled code of the modules most programs
# import, made by the runtime just built (imports of the rest compile on first use).
COMPILED_DIR="$CARGO_TARGET_DIR/stdlib-compiled"
node scripts/precompile-stdlib.mjs "$COMPILED_DIR"
node scripts/pack-stdlib.mjs "$PYLIB_DIR/Lib" js/wasm/stdlib.bin "$COMPILED_DIR"
cp js/wasm/stdlib.bin dist/wasm/stdlib.bin
printf '[build] %s: wasm %s bytes\n' "$PROFILE" "$(wc -c < dist/wasm/core_bg.wasm)"
