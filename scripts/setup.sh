#!/usr/bin/env bash
# Installs what building and testing need, skipping whatever is already there:
# the pinned Rust toolchain (rust-toolchain.toml), wasm-bindgen-cli, npm packages, Chromium.
set -euo pipefail
cd "$(dirname "$0")/.."

WASM_BINDGEN_VERSION=0.2.130
say() { printf '[setup] %s\n' "$*"; }

# rustup reads rust-toolchain.toml; `rustup show` installs the pinned toolchain and target if missing.
if ! rustup target list --installed 2>/dev/null | grep -q wasm32-unknown-unknown; then
  say "installing the pinned Rust toolchain and the wasm32 target"
fi
rustup show active-toolchain >/dev/null 2>&1 || rustup toolchain install "$(sed -n 's/^channel = "\(.*\)"/\1/p' rust-toolchain.toml)" --profile minimal --target wasm32-unknown-unknown
rustup target add wasm32-unknown-unknown >/dev/null 2>&1 || true

# The CLI must match the wasm-bindgen crate exactly ("schema version" errors otherwise).
if ! command -v wasm-bindgen >/dev/null 2>&1 || [ "$(wasm-bindgen --version | awk '{print $2}')" != "$WASM_BINDGEN_VERSION" ]; then
  say "installing wasm-bindgen-cli $WASM_BINDGEN_VERSION (about 5 minutes)"
  # No --locked: its lockfile names a crate version the registry here lacks.
  cargo install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION"
fi

if [ ! -x node_modules/.bin/vitest ] || [ ! -x node_modules/.bin/wasm-opt ] || [ package.json -nt node_modules/.package-lock.json ]; then
  say "installing npm packages"
  npm install --no-audit --no-fund
fi

# Browser tests use Debian's Chromium (Playwright's own download cannot work here).
if [ ! -x /usr/bin/chromium ]; then
  say "installing Chromium"
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium >/dev/null
fi
# The bundlers the bundler tests build apps with (test/bundlers/), in a cache shared by checkouts.
bash scripts/setup-bundlers.sh >/dev/null

say "ready"
