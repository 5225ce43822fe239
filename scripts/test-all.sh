#!/usr/bin/env bash
# `npm test`: every test of the project, cheapest failures first.
set -euo pipefail
cd "$(dirname "$0")/.."
export ASTRO_TELEMETRY_DISABLED=1 CARGO_TERM_COLOR=never

step() { printf '\n==> %s\n' "$*"; }

step "Checking the tools the tests need"
bash scripts/ensure-tools.sh

step "examples/: cargo fmt --check"
(cd examples && cargo fmt --all --check)
step "examples/: cargo clippy --workspace --all-targets -- -D warnings"
(cd examples && cargo clippy --workspace --all-targets --locked -- -D warnings)
step "examples/: cargo test --workspace"
(cd examples && cargo test --workspace --locked)

step "Must-fail snippets still fail as their lessons say"
node scripts/must-fail.ts
step "Saved outputs match a fresh run"
node scripts/captures.ts

step "TypeScript: astro check (strict)"
npx astro check
step "Build the site (includes, callouts and internal links are checked here)"
npx astro build

step "vitest: unit, built-site and browser tests"
npx vitest run
