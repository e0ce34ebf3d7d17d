#!/usr/bin/env bash
# Installs the bundlers test/bundlers/ builds apps with (Vite 6, 7 and 8, webpack 5, esbuild, Rollup;
# pinned in test/bundlers/fixture/package-lock.json) into a cache folder keyed by that lock file,
# once per machine. Prints the folder; skips the install when it is already there.
set -euo pipefail
cd "$(dirname "$0")/.."

fixture=test/bundlers/fixture
key=$(sha256sum "$fixture/package-lock.json" | cut -c1-16)
dir="${PKG_FFI_BUNDLERS_DIR:-$HOME/.cache/pkg-ffi/bundlers-$key}"
if [ ! -f "$dir/node_modules/.installed" ]; then
  echo "[setup-bundlers] installing the bundler fixture into $dir" >&2
  rm -rf "$dir"
  mkdir -p "$dir"
  cp "$fixture/package.json" "$fixture/package-lock.json" "$dir/"
  (cd "$dir" && npm ci --no-audit --no-fund >&2)
  touch "$dir/node_modules/.installed"
fi
echo "$dir"
