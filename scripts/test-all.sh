#!/usr/bin/env bash
# `npm test`: every test of the project, cheapest failures first. Each
# runner prints its own counts; the run ends with how long it took.
set -euo pipefail
cd "$(dirname "$0")/.."
export ASTRO_TELEMETRY_DISABLED=1 CARGO_TERM_COLOR=never

# Each step header also says how long the step before it took, so a slow
# CI run shows where its time went.
began=$(date +%s) last=$began
step() {
	local now
	now=$(date +%s)
	[ "$now" = "$began" ] || printf '(%d s)\n' $((now - last))
	last=$now
	printf '\n==> %s\n' "$*"
}
# On exit, passed or failed: the last step's duration and the whole run's.
finish() {
	local status=${1:-$?} now
	now=$(date +%s)
	printf '(%d s)\n\n' $((now - last))
	if [ "$status" = 0 ]; then echo "npm test: passed in $((now - began)) s"; else echo "npm test: FAILED (status $status) after $((now - began)) s"; fi
}
trap finish EXIT

# A step run beside the ones after it, where they leave a core idle: its
# output is kept in a file and printed when it is waited for, and its
# failure then fails the run. Its input is /dev/null, so it never waits on a
# terminal. A run that stops early waits for it too instead of killing it:
# the image build, killed, would leave its root folder and mounts behind.
declare -A beside_pid beside_log
beside() {
	local name=$1
	shift
	beside_log[$name]=$(mktemp)
	(
		set -e
		"$@"
	) < /dev/null > "${beside_log[$name]}" 2>&1 &
	beside_pid[$name]=$!
	echo "started in the background: $name (its output follows when it is waited for)"
}
# Waits for a background step, prints its output and forgets it; returns its status.
collect_beside() {
	local name=$1 status=0
	wait "${beside_pid[$name]}" || status=$?
	cat "${beside_log[$name]}"
	rm -f "${beside_log[$name]}"
	unset "beside_pid[$name]"
	return "$status"
}
wait_beside() {
	local status=0
	collect_beside "$1" || status=$?
	[ "$status" = 0 ] || { echo "$1 failed (status $status)" >&2; exit "$status"; }
}
# For the exit trap: what is still running in the background ends first.
finish_beside() {
	local name
	for name in "${!beside_pid[@]}"; do
		echo "waiting for $name (started in the background) to end; its output:"
		collect_beside "$name"
	done
}

step "Checking the tools the tests need"
# The tasks are TypeScript that Node runs as it is (type stripping, on by
# default from Node 22.18): an older node could not even start the check.
node -e 'const [a, b] = process.versions.node.split(".").map(Number); process.exit(a > 22 || (a === 22 && b >= 18) ? 0 : 1)' || {
	echo "npm test needs Node.js >= 22.18 (found $(node --version)), which is not installed. Install it with:"
	echo "    npm install   # installs Node 24 from package.json's devDependencies"
	exit 1
} >&2
node scripts/task.ts ensure-tools
# Jaeger, for the observability lesson's trace test (its captures, below):
# built from source with Go once per machine into ~/.cache (about 10 minutes
# the first time, on 2 cores), then only found there. Beside the steps up to
# the captures, which are the first to need it.
beside "Jaeger (node scripts/task.ts jaeger)" node scripts/task.ts jaeger

# Every cargo run below compiles through sccache, which keeps compiled crates
# outside the clone, keyed by their inputs: a second run on this machine
# fetches what a fresh clone's empty target/ would otherwise rebuild.
step "Compiler cache: sccache, outside the clone"
# (Through a variable: `eval "$(…)"` would hide a failing start from set -e.)
exports=$(node scripts/task.ts compiler-cache start)
eval "$exports"
stop_cache() { node scripts/task.ts compiler-cache stop || true; }
# The exit traps run without -e, so a failing clean-up step cannot skip the
# others or replace the run's status.
trap 'status=$?; set +e; finish_beside; stop_cache; finish "$status"; exit "$status"' EXIT

step "examples/: cargo fmt --check"
# A step's own files too: cargo fmt follows a crate's modules from its
# lib.rs, and where that is a link to the step before, from there.
(cd examples && cargo fmt --all --check && find api/steps -name '*.rs' -type f -print0 | xargs -0 rustfmt --check --edition 2024)
# Without a database, so SQLx's query macros must build from the committed
# offline data (.sqlx/): this is what proves the crates build anywhere.
step "examples/: cargo clippy --workspace --all-targets -- -D warnings (offline, no database)"
(cd examples && env -u DATABASE_URL SQLX_OFFLINE=true cargo clippy --workspace --all-targets --locked -- -D warnings)

step "Starting a throwaway PostgreSQL"
exports=$(node scripts/task.ts postgres start)
eval "$exports"
trap 'status=$?; set +e; finish_beside; node scripts/task.ts postgres stop "${BACKEND_RUST_PG_DIR:-}"; stop_cache; finish "$status"; exit "$status"' EXIT
# A crate's migrations lie two or three folders down (examples/api/steps/NN-slug/).
# One schema for every crate's query macros: the folders' union, each file
# name once (the steps and users-api share their files), so the folders go
# to one call; not the links the exercises' generated crates keep under
# examples/target/. nullglob: a pattern nothing matches yields no word.
shopt -s nullglob
node scripts/task.ts postgres migrate "$DATABASE_URL" $(ls -d examples/*/*/migrations examples/*/*/*/migrations | grep -v '^examples/target/')
shopt -u nullglob
echo "DATABASE_URL=$DATABASE_URL"

# Not the crates whose every test a lesson's saved output runs (`cargo test`
# in the crate): the captures step below runs those, as the learner does,
# and fails on any failing test. Run in its own folder, cargo picks a
# crate's dependency features for it alone, so running them here as well
# built, linked and ran them twice.
step "examples/: cargo test --workspace, but the crates the captures step tests (queries checked against the live schema)"
excluded=()
for crate in $(node scripts/task.ts captures --whole-test-crates); do excluded+=(--exclude "$crate"); done
echo "tested by the captures step: ${excluded[*]:-none}"
(cd examples && cargo test --workspace --locked "${excluded[@]}")
step "examples/: SQLx offline data is current (cargo sqlx prepare --check)"
node scripts/task.ts sqlx:prepare

step "Must-fail snippets still fail as their lessons say"
node scripts/task.ts must-fail
step "Compile server: the course's crates, built once into a cache outside the clone"
node scripts/task.ts playground:crates

# The site's type check and build run beside the exercises, which leave a
# core idle about a third of their time (PostgreSQL, single-threaded rustc
# calls), and write only to temporary folders and examples/target/, which
# the build does not read. Not beside the captures: one of them writes files
# into an API step's folder for a moment, and the build lists those folders.
site_build() {
	echo "==> TypeScript: astro check (strict)"
	npx astro check
	echo "==> Build the site (includes, callouts and internal links are checked here)"
	local start pages ms
	start=$(date +%s%N)
	npx astro build
	pages=$(find dist -name '*.html' | wc -l)
	ms=$(( ($(date +%s%N) - start) / 1000000 ))
	echo "built $pages pages in $ms ms ($((ms / pages)) ms a page, whole build, beside the exercises)"
}
step "TypeScript and the site's build, beside the exercises"
beside "astro check and astro build" site_build

# Built as the compile server builds them: rustc against the crate cache
# above, so what passes here is what a page's Check accepts.
step "Exercises: each starter fails its tests, each solution passes them"
node scripts/task.ts exercises

step "TypeScript and the site's build (run beside the exercises)"
wait_beside "astro check and astro build"

# Among them a whole schemathesis run against the live users API
# (captures/fuzz.txt): any 5xx, undocumented status or schema mismatch
# changes its counts, and so fails here.
step "Saved outputs match a fresh run (including the users API fuzz run)"
wait_beside "Jaeger (node scripts/task.ts jaeger)"
node scripts/task.ts captures

# The class image: debootstrap, chroot and podman need root. Elsewhere the
# step says so and the rest of the run stands (the server's own tests below
# run its sandbox). Beside vitest: the image build waits on podman and its
# file copies for about half its time.
step "Compile server image: build it and compile a std and an axum program with its server"
if [ "$(id -u)" = 0 ]; then
	beside "the compile server image" node scripts/task.ts playground:image --check
else
	echo "skipped: building the image needs root (sudo npm run playground:image -- --check)"
fi

step "vitest: unit, built-site and browser tests"
npx vitest run

if [ -n "${beside_pid[the compile server image]:-}" ]; then
	step "Compile server image (run beside vitest)"
	wait_beside "the compile server image"
fi
