#!/usr/bin/env bash
# Builds the package into dist/ (JS + wasm) and types/ (.d.ts).
#   scripts/build.sh         release: opt-level 3 for the interpreter core and the FFI, z for the
#                            rest, thin LTO, wasm-opt (what CI and `npm pack` use)
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

rm -rf dist types/*.d.ts types/wasm
node_modules/.bin/tsc -p tsconfig.json
cp -r js/wasm dist/wasm
mkdir -p types/wasm && cp js/wasm/core.d.ts types/wasm/core.d.ts
rm -f dist/wasm/.gitignore dist/wasm/package.json
printf '[build] %s: wasm %s bytes\n' "$PROFILE" "$(wc -c < dist/wasm/core_bg.wasm)"
