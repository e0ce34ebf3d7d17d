#!/usr/bin/env bash
# Every test: native Rust tests of the file system and the allocator, then Vitest in Node and
# headless Chromium.
# Ends with one line "N passed, N failed" covering all suites. `--no-build` reuses dist/.
set -uo pipefail
cd "$(dirname "$0")/.."

if [ "${1:-}" != "--no-build" ]; then
  bash scripts/setup.sh || exit 1
  bash scripts/build.sh || exit 1
fi

export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$HOME/.cache/pkg-ffi/target}"
mkdir -p target
cargo test -p vfs -p small-alloc -p id-slab -p wire 2>&1 | tee target/cargo-test.log
rust_status=${PIPESTATUS[0]}
rust_passed=$(grep -Eo '[0-9]+ passed' target/cargo-test.log | awk '{s+=$1} END {print s+0}')
rust_failed=$(grep -Eo '[0-9]+ failed' target/cargo-test.log | awk '{s+=$1} END {print s+0}')
[ "$rust_status" -ne 0 ] && [ "$rust_failed" -eq 0 ] && rust_failed=1

node_modules/.bin/vitest run --reporter=default --reporter=json --outputFile=target/vitest.json
vitest_status=$?
read -r js_passed js_failed < <(node -e '
  const fs = require("fs");
  try {
    const r = JSON.parse(fs.readFileSync("target/vitest.json", "utf8"));
    console.log(r.numPassedTests, r.numFailedTests + (r.numTotalTests ? 0 : 1));
  } catch { console.log(0, 1); }')
[ "$vitest_status" -ne 0 ] && [ "$js_failed" -eq 0 ] && js_failed=1

passed=$((rust_passed + js_passed))
failed=$((rust_failed + js_failed))
echo "rust: $rust_passed passed, $rust_failed failed; vitest: $js_passed passed, $js_failed failed"
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
