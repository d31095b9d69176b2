#!/usr/bin/env bash
# Builds the fuzz targets (fuzz/, cargo-fuzz layout) when the tools are there; skips with a
# message, and exit status 0, when they are not. Fuzzing needs a nightly toolchain and
# cargo-fuzz (`rustup toolchain install nightly`, `cargo install --locked cargo-fuzz`); a CI
# machine without them still passes. A build failure of the targets themselves does fail.
# Running the targets is described in benches/README.md ("Fuzzing").
set -euo pipefail
cd "$(dirname "$0")/.."

if ! RUSTUP_AUTO_INSTALL=0 cargo +nightly --version >/dev/null 2>&1; then
  echo "fuzzing skipped: no nightly toolchain (cargo +nightly --version failed)"
  exit 0
fi
if ! cargo +nightly fuzz --version >/dev/null 2>&1; then
  echo "fuzzing skipped: cargo-fuzz is not installed (cargo fuzz --version failed)"
  exit 0
fi
echo "building the fuzz targets with $(cargo +nightly --version) and $(cargo +nightly fuzz --version)"
cargo +nightly fuzz build
