#!/usr/bin/env bash
# The crate's test command: every test with every feature, doctests included
# (nextest runs unit, integration and property tests; it skips doctests, so they run after),
# then the README's examples as doctests of a new crate that depends on this one alone
# (tests/readme-crate), so they are proven to compile for a user who adds nothing else.
set -euo pipefail
cd "$(dirname "$0")/.."
if cargo nextest --version >/dev/null 2>&1; then
  cargo nextest run --all-features --no-fail-fast
else
  cargo test --all-features --no-fail-fast --lib --bins --tests --examples
fi
cargo test --doc --all-features
CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$PWD/target}" \
  cargo test --doc --manifest-path tests/readme-crate/Cargo.toml
