/**
 * Jaeger, the OTLP receiver and trace store the observability lesson's tests
 * send their traces to and read them back from:
 *
 *   node scripts/task.ts jaeger          builds it once, prints the binary's path
 *   node scripts/task.ts jaeger --path   prints where the binary goes, builds nothing
 *
 * No Debian package ships Jaeger or the OpenTelemetry Collector, and no
 * prebuilt binary can be downloaded here; the Go module proxy serves
 * Jaeger's source as a Go module, so it is built from that with the Go
 * toolchain, into a cache outside the clone:
 * `~/.cache/backend-rust/jaeger-<version>/jaeger` (or under XDG_CACHE_HOME).
 * The first build takes minutes (the module cache fills, then about 700
 * packages compile); afterwards the task only checks that the binary is
 * there. The Rust test (examples/going-further/observability/tests/) reads
 * the same path, and fails naming this command when it is missing.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { defineTask } from './lib/task.ts';

/** Pinned; the last release of the 1.x line (the `jaeger` all-in-one binary of v2 lives under cmd/jaeger too). */
export const JAEGER_VERSION = 'v1.75.0';
const MODULE = 'github.com/jaegertracing/jaeger';

export function jaegerDir(env: NodeJS.ProcessEnv = process.env): string {
	return join(env['XDG_CACHE_HOME'] ?? join(homedir(), '.cache'), 'backend-rust', `jaeger-${JAEGER_VERSION}`);
}

export const jaegerBinary = (env: NodeJS.ProcessEnv = process.env): string => join(jaegerDir(env), 'jaeger');

/** The Go toolchain: on PATH, or where the Go tarball installs it. */
function goCommand(): string {
	if (spawnSync('go', ['version'], { stdio: 'ignore' }).status === 0) return 'go';
	if (existsSync('/usr/local/go/bin/go')) return '/usr/local/go/bin/go';
	throw new Error('building Jaeger needs Go (>= 1.24.6, as the go.mod of Jaeger asks), which is not installed: unpack the Go tarball into /usr/local/go');
}

/** The binary's path, building it first when the cache has none. */
export function ensureJaeger(): string {
	const dir = jaegerDir();
	const bin = jaegerBinary();
	const complete = join(dir, '.complete');
	if (existsSync(complete) && existsSync(bin)) return bin;
	rmSync(dir, { recursive: true, force: true });
	const build = join(dir, 'build');
	mkdirSync(build, { recursive: true });
	const go = goCommand();
	const run = (args: string[]) => {
		console.error(`$ ${go} ${args.join(' ')}`);
		const result = spawnSync(go, args, { cwd: build, stdio: ['ignore', 2, 2], env: { ...process.env, GOFLAGS: '-buildvcs=false', CGO_ENABLED: '0' } });
		if (result.status !== 0) {
			rmSync(dir, { recursive: true, force: true });
			throw new Error(`${go} ${args.join(' ')} failed (exit ${result.status})`);
		}
	};
	const started = Date.now();
	console.error(`Building Jaeger ${JAEGER_VERSION} into ${dir} (once; minutes)...`);
	// A throwaway module that names Jaeger as a tool: `go get -tool` resolves
	// its whole dependency graph at the pinned version, `go build` builds it.
	run(['mod', 'init', 'backend-rust/jaeger-build']);
	run(['get', '-tool', `${MODULE}/cmd/jaeger@${JAEGER_VERSION}`]);
	run(['build', '-trimpath', '-ldflags=-s -w', '-o', bin, `${MODULE}/cmd/jaeger`]);
	rmSync(build, { recursive: true, force: true });
	const seconds = Math.round((Date.now() - started) / 1000);
	writeFileSync(complete, `jaeger ${JAEGER_VERSION}, built in ${seconds} s\n`);
	console.error(`Built Jaeger ${JAEGER_VERSION} in ${seconds} s: ${bin}`);
	return bin;
}

export default defineTask({
	name: 'jaeger',
	description: `builds Jaeger ${JAEGER_VERSION} (an OTLP receiver with a query API) once into a cache outside the clone; prints its path`,
	options: {
		path: { type: 'boolean', description: 'print where the binary goes, build nothing' },
	},
	run(values) {
		console.log(values.path ? jaegerBinary() : ensureJaeger());
	},
});
