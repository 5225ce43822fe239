/**
 * `npm run bench:ship`: what the Shipping lesson's build choices change, on
 * the shipping crate's binary (the users API with its probes), all static:
 *
 * - release: `cargo build --release` as Cargo sets it, glibc's crt-static;
 * - server+abort: the `server` profile with panic = "abort", for its size;
 * - server: the profile the lesson recommends (fat LTO, one codegen unit,
 *   line tables), glibc's crt-static;
 * - server, musl: the same profile for x86_64-unknown-linux-musl. rustup
 *   cannot add that target on the machines this course is built on, so its
 *   std is built from source by Debian's rustc-web (-Zbuild-std, needs
 *   RUSTC_BOOTSTRAP=1), linked by musl-gcc (musl-tools) with LLVM's
 *   libunwind (libunwind-14-dev) plus one shim: that libunwind.a calls
 *   glibc's __fprintf_chk, which musl does not have.
 *
 * For each: the file as built, with its debug info stripped (symbols kept)
 * and with everything stripped; the time from exec to the first 200 from
 * /readyz (connect, migrations already applied, bind), median of 5 starts;
 * and GET /users/{id} under wrk (service on core 0, wrk on core 1, 32
 * connections, 5 s warm-up, 10 s measured), on a throwaway PostgreSQL.
 * Several minutes of compiling (each variant builds every dependency).
 *
 *   npm run bench:ship            print the figures
 *   npm run bench:ship -- --save  also write the lesson's transcript (captures/bench.txt)
 */
import { execFileSync, spawn } from 'node:child_process';
import { copyFileSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { crateNamed, examplesRoot } from '../../src/build/workspace/workspace.ts';
import { ensureDebianPackages, ensureCommands } from '../lib/debian.ts';
import { machine } from '../lib/machine.ts';
import { createDatabase, startPostgres, stopPostgres } from '../lib/postgres.ts';
import { defineTask } from '../lib/task.ts';
import { runWrk } from '../lib/wrk.ts';
import { seedUsers } from '../bench/seed-users.ts';
import { BIN, CRATE, PROFILE, STATIC } from './image.ts';
import { TARGET } from '../api-image/build.ts';
import { saveTranscript } from '../lib/transcript.ts';

const MUSL = 'x86_64-unknown-linux-musl';
const PORT = 3901;
const SEED = 1000;
const MB = (bytes: number) => `${(bytes / 1e6).toFixed(1)} MB`;
const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

interface Variant {
	name: string;
	/** The shell command, as the transcript shows it. */
	shown: string;
	build: (out: string) => void;
}

function cargo(args: string[], env: Record<string, string>, cargoBin = 'cargo'): void {
	execFileSync(cargoBin, ['build', '--quiet', '--locked', '-p', CRATE, '--bin', BIN, ...args], { cwd: examplesRoot, env: { ...process.env, ...env }, stdio: ['ignore', 'inherit', 'inherit'] });
}

/** LLVM's libunwind with the one glibc symbol it calls, for musl-gcc to link (see the header). */
function muslUnwind(dir: string): string {
	const shim = join(dir, 'fprintf_chk.c');
	writeFileSync(
		shim,
		'#include <stdarg.h>\n#include <stdio.h>\nint __fprintf_chk(FILE *f, int flag, const char *fmt, ...) {\n  (void)flag; va_list ap; va_start(ap, fmt); int n = vfprintf(f, fmt, ap); va_end(ap); return n;\n}\n',
	);
	execFileSync('musl-gcc', ['-O2', '-c', shim, '-o', join(dir, 'fprintf_chk.o')]);
	copyFileSync('/usr/lib/llvm-14/lib/libunwind.a', join(dir, 'libunwind.a'));
	execFileSync('ar', ['r', join(dir, 'libunwind.a'), join(dir, 'fprintf_chk.o')], { stdio: 'ignore' });
	return dir;
}

const variants = (scratch: string): Variant[] => [
	{
		name: 'release',
		shown: `RUSTFLAGS='${STATIC.RUSTFLAGS}' cargo build --release --target ${TARGET}`,
		build: (out) => {
			cargo(['--release', '--target', TARGET], STATIC);
			copyFileSync(join(examplesRoot, 'target', TARGET, 'release', BIN), out);
		},
	},
	{
		name: 'server+abort',
		shown: `CARGO_PROFILE_SERVER_PANIC=abort RUSTFLAGS='${STATIC.RUSTFLAGS}' cargo build --profile server --target ${TARGET}`,
		build: (out) => {
			cargo(['--profile', PROFILE, '--target', TARGET], { ...STATIC, CARGO_PROFILE_SERVER_PANIC: 'abort' });
			copyFileSync(join(examplesRoot, 'target', TARGET, PROFILE, BIN), out);
		},
	},
	{
		// Last of the glibc builds, so target/ is left holding what ship:image uses.
		name: 'server',
		shown: `RUSTFLAGS='${STATIC.RUSTFLAGS}' cargo build --profile server --target ${TARGET}`,
		build: (out) => {
			cargo(['--profile', PROFILE, '--target', TARGET], STATIC);
			copyFileSync(join(examplesRoot, 'target', TARGET, PROFILE, BIN), out);
		},
	},
	{
		name: 'server, musl',
		shown: `RUSTC_BOOTSTRAP=1 /usr/bin/cargo build --profile server --target ${MUSL} -Zbuild-std=std,panic_abort (Debian's rustc-web; musl-gcc; LLVM libunwind)`,
		build: (out) => {
			const unwind = muslUnwind(mkdtempSync(join(scratch, 'unwind-')));
			const targetDir = join(examplesRoot, 'target', 'musl-build-std');
			cargo(['--profile', PROFILE, '--target', MUSL, '-Zbuild-std=std,panic_abort', '--target-dir', targetDir], {
				RUSTC: '/usr/bin/rustc',
				RUSTC_BOOTSTRAP: '1',
				CARGO_TARGET_X86_64_UNKNOWN_LINUX_MUSL_LINKER: 'musl-gcc',
				// musl-gcc's specs cannot link a static PIE: a plain static executable.
				RUSTFLAGS: `-C link-self-contained=no -C relocation-model=static -L ${unwind}`,
				// The host's build scripts and proc macros, compiled by the same rustc.
				RUSTC_WRAPPER: '',
			}, '/usr/bin/cargo');
			copyFileSync(join(targetDir, MUSL, PROFILE, BIN), out);
		},
	},
];

/** Sizes of `file` as built, without debug info, without anything. */
function sizes(file: string, scratch: string): string {
	const noDebug = join(scratch, 'nodebug');
	const bare = join(scratch, 'bare');
	execFileSync('objcopy', ['--strip-debug', file, noDebug]);
	execFileSync('objcopy', ['--strip-all', file, bare]);
	return `${MB(statSync(file).size)} built, ${MB(statSync(noDebug).size)} without debug info, ${MB(statSync(bare).size)} stripped`;
}

function startService(binary: string, url: string) {
	return spawn('taskset', ['-c', '0', binary], {
		env: { PATH: process.env['PATH'], DATABASE_URL: url, HOST: '127.0.0.1', PORT: String(PORT), RUST_LOG: 'warn', SHUTDOWN_DRAIN_SECS: '0' },
		stdio: 'ignore',
	});
}

async function ready(): Promise<boolean> {
	try {
		return (await fetch(`http://127.0.0.1:${PORT}/readyz`)).ok;
	} catch {
		return false;
	}
}

/** Milliseconds from spawn to the first 200 from /readyz. */
async function startUp(binary: string, url: string): Promise<number> {
	const started = performance.now();
	const child = startService(binary, url);
	try {
		while (!(await ready())) {
			if (performance.now() - started > 30_000) throw new Error(`${binary} not ready after 30 s`);
			await sleep(2);
		}
		return performance.now() - started;
	} finally {
		child.kill('SIGTERM');
		await new Promise((done) => child.once('exit', done));
	}
}

export default defineTask({
	name: 'bench:ship',
	description: 'the Shipping lesson: size, start-up and GET throughput of the release, server and musl builds (several minutes)',
	options: {
		save: { type: 'boolean', description: "also write the lesson's transcript (captures/bench.txt)" },
	},
	async run(values) {
		const transcript = join(crateNamed(CRATE).dir, 'captures', 'bench.txt');
		ensureCommands([['wrk', 'wrk'], ['taskset', 'util-linux'], ['psql', 'postgresql-client'], ['objcopy', 'binutils']], 'bench:ship');
		ensureDebianPackages(
			[
				{ package: 'musl-tools', present: () => statSafe('/usr/bin/musl-gcc') },
				{ package: 'libunwind-14-dev', present: () => statSafe('/usr/lib/llvm-14/lib/libunwind.a') },
				{ package: 'rust-web-src', present: () => statSafe('/usr/lib/rustlib/src/rust/library/std') },
			],
			'bench:ship (the musl build)',
		);
		const scratch = mkdtempSync(join(tmpdir(), 'bench-ship-'));
		const lines: string[] = ['$ npm run bench:ship', `${machine()}; PostgreSQL on the same machine; service on core 0, wrk on core 1 (32 connections, 5 s warm-up, 10 s measured)`, ''];
		const pg = await startPostgres();
		try {
			const url = createDatabase(pg.url, 'bench_ship');
			const built: [Variant, string][] = [];
			for (const variant of variants(scratch)) {
				console.error(`building ${variant.name}...`);
				const out = join(scratch, variant.name.replace(/\W+/g, '-'));
				const t = performance.now();
				variant.build(out);
				console.error(`  ${((performance.now() - t) / 1000).toFixed(0)} s`);
				built.push([variant, out]);
			}
			// Migrated once by a first start, then seeded: every start below finds the schema in place.
			await startUp(built[0]![1], url);
			seedUsers(url, SEED);
			const lua = join(scratch, 'get.lua');
			writeFileSync(lua, `request = function() return wrk.format("GET", "/users/" .. math.random(1, ${SEED})) end\n`);
			for (const [variant, binary] of built) {
				lines.push(`${variant.name}: ${variant.shown}`);
				lines.push(`  size: ${sizes(binary, scratch)}; ldd: ${execFileSync('sh', ['-c', `ldd ${binary} 2>&1 || true`], { encoding: 'utf8' }).trim()}`);
				if (variant.name === 'server+abort') {
					lines.push('  (size only: a panicking handler would end the process)');
					continue;
				}
				const starts: number[] = [];
				for (let i = 0; i < 5; i++) starts.push(await startUp(binary, url));
				starts.sort((a, b) => a - b);
				const child = startService(binary, url);
				try {
					while (!(await ready())) await sleep(10);
					await runWrk({ url: `http://127.0.0.1:${PORT}`, connections: 32, seconds: 5, cpu: 1, script: lua });
					const r = await runWrk({ url: `http://127.0.0.1:${PORT}`, connections: 32, seconds: 10, cpu: 1, script: lua });
					if (r.non2xx > 0 || r.errors !== 'none') throw new Error(`${variant.name}: ${r.non2xx} non-2xx answers, socket errors ${r.errors}`);
					lines.push(`  start-up to ready: ${starts[2]!.toFixed(0)} ms (median of 5); GET /users/{id}: ${Math.round(r.rps)} req/s, p50 ${r.p50Ms.toFixed(2)} ms, p99 ${r.p99Ms.toFixed(2)} ms`);
				} finally {
					child.kill('SIGTERM');
					await new Promise((done) => child.once('exit', done));
				}
			}
			const out = lines.join('\n') + '\n';
			process.stdout.write(out);
			if (values.save === true) {
				saveTranscript(transcript, out);
			}
			return 0;
		} finally {
			stopPostgres(pg.dir);
			rmSync(scratch, { recursive: true, force: true });
		}
	},
});

function statSafe(path: string): boolean {
	try {
		statSync(path);
		return true;
	} catch {
		return false;
	}
}
