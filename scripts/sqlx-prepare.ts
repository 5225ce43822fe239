/**
 * SQLx's offline query data (.sqlx/), without installing sqlx-cli: the query
 * macros write a crate's data when it compiles against a live database with
 * SQLX_OFFLINE_DIR set, which is what `cargo sqlx prepare` arranges.
 *
 *   node scripts/task.ts sqlx:prepare           check .sqlx/ is complete and current (the tests run this)
 *   node scripts/task.ts sqlx:prepare --update  rewrite it (npm run sqlx:prepare)
 *
 * Where the data lives follows where the macros look for it: a crate's own
 * `.sqlx/` first, then the workspace's (examples/.sqlx/). A crate with
 * migrations and a `.sqlx/` of its own would be prepared alone (none has
 * one today); every other crate with migrations (the API's steps and
 * users-api) shares examples/.sqlx/, which holds the union of their queries. A query file is named after a hash
 * of the SQL text, so a query that five steps share is one file, and a step
 * adds only the queries it adds (examples/api/steps/README.md).
 *
 * With DATABASE_URL set, that database must have the migrations applied
 * (the test command does this); without it, a throwaway PostgreSQL is
 * started and migrated with the union of every crate's migrations.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, realpathSync, rmSync, statSync, utimesSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { examplesRoot, workspaceCrates, type Crate } from '../src/build/workspace/workspace.ts';
import { report, type GoldenResult } from './lib/golden.ts';
import { applyMigrations, startPostgres, stopPostgres } from './lib/postgres.ts';
import { defineTask } from './lib/task.ts';

/** Crates whose query data goes into one folder. */
interface Group {
	/** The committed folder. */
	folder: string;
	crates: Crate[];
}

/**
 * The crates with migrations, grouped by the folder their macros read
 * offline: their own `.sqlx/`, or the workspace's when they have none.
 */
export function offlineGroups(crates: readonly Crate[], root: string): Group[] {
	const own = crates.filter((c) => existsSync(join(c.dir, '.sqlx')));
	const shared = crates.filter((c) => !own.includes(c));
	return [...own.map((crate) => ({ folder: join(crate.dir, '.sqlx'), crates: [crate] })), ...(shared.length ? [{ folder: join(root, '.sqlx'), crates: shared }] : [])];
}

/**
 * Sets every .rs file of `crates` (links followed, each real file once) to
 * now, so that cargo compiles them again and their macros run. Returns the
 * undo: it puts back the times, so the `cargo test` artifacts built before
 * are still current afterwards (else the captures would build every step
 * again). A file whose time is no longer ours was saved meanwhile and keeps it.
 */
export function touchSources(crates: readonly Pick<Crate, 'dir'>[]): () => void {
	const now = new Date();
	const before = new Map<string, { atime: Date; mtime: Date }>();
	for (const crate of crates) {
		for (const sub of ['src', 'tests', 'examples']) {
			const dir = join(crate.dir, sub);
			if (!existsSync(dir)) continue;
			for (const file of readdirSync(dir, { recursive: true }).map(String).filter((f) => f.endsWith('.rs'))) {
				const real = realpathSync(join(dir, file));
				if (before.has(real)) continue;
				const { atime, mtime } = statSync(real);
				before.set(real, { atime, mtime });
				utimesSync(real, now, now);
			}
		}
	}
	return () => {
		// Within a millisecond: the time goes through a float on its way to the file system.
		for (const [file, { atime, mtime }] of before) if (Math.abs(statSync(file).mtimeMs - now.getTime()) < 1) utimesSync(file, atime, mtime);
	};
}

/** The names of `crates` that cargo's JSON messages (its stdout) show as not compiled: fresh, or absent. */
export function notCompiled(crates: readonly Pick<Crate, 'name' | 'dir'>[], stdout: string): string[] {
	const fresh = new Set<string>();
	const compiled = new Set<string>();
	for (const line of stdout.split('\n')) {
		if (!line.startsWith('{')) continue;
		const message = JSON.parse(line) as { reason?: string; manifest_path?: string; fresh?: boolean };
		if (message.reason !== 'compiler-artifact' || message.manifest_path === undefined) continue;
		(message.fresh ? fresh : compiled).add(message.manifest_path);
	}
	return crates.filter((c) => fresh.has(join(c.dir, 'Cargo.toml')) || !compiled.has(join(c.dir, 'Cargo.toml'))).map((c) => c.name);
}

/** Builds a group's crates against the database into a scratch folder, then compares (or, updating, copies) its query files. */
function prepare(group: Group, update: boolean): GoldenResult {
	const out = mkdtempSync(join(tmpdir(), 'sqlx-prepare-'));
	const committed = group.folder;
	const who = group.crates.map((c) => c.name).join(', ');
	const where = relative(examplesRoot, committed);
	const untouch = touchSources(group.crates);
	try {
		// One cargo run for the whole group: the crates build side by side.
		// The macros write a query file only when they run, so no compiler
		// cache may answer for them: sccache (npm test's RUSTC_WRAPPER) keys
		// on the sources' contents, which touching leaves as they were, and
		// hands back the crate it compiled last time with no file written.
		// (So far each lib's bench build, a --test one sccache does not
		// cache, ran them anyway: luck, not design.) An empty RUSTC_WRAPPER
		// is cargo's "none", and not part of its fingerprints: the
		// dependencies stay as they were built.
		const build = spawnSync(
			'cargo',
			['check', ...group.crates.flatMap((c) => ['-p', c.name]), '--all-targets', '--locked', '--quiet', '--message-format=json-render-diagnostics'],
			{
				cwd: examplesRoot,
				encoding: 'utf8',
				// A JSON message for each of some hundred units, fresh ones too.
				maxBuffer: 64 * 1024 * 1024,
				env: { ...process.env, RUSTC_WRAPPER: '', SQLX_OFFLINE: 'false', SQLX_OFFLINE_DIR: out },
			},
		);
		if (build.status !== 0) return { file: committed, ok: false, message: `${who}: does not compile against the database:\n${build.stderr}` };
		const skipped = notCompiled(group.crates, build.stdout);
		if (skipped.length) return { file: committed, ok: false, message: `${who}: cargo did not compile ${skipped.join(', ')}, so ${skipped.length > 1 ? 'their' : 'its'} queries went unchecked` };
		const fresh = readdirSync(out).sort();
		const saved = existsSync(committed) ? readdirSync(committed).sort() : [];
		// No query at all where some were saved means the macros wrote none,
		// not that every query went: never take that for the new data.
		if (fresh.length === 0 && saved.length > 0) {
			return {
				file: committed,
				ok: false,
				message: `${who}: the build wrote no query files, yet examples/${where}/ holds ${saved.length}: the macros did not run against the database (a compiler cache answering, or SQLx reading the saved data)${update ? '; left it as it was' : ''}`,
			};
		}
		const stale = fresh.filter((f) => !saved.includes(f) || readFileSync(join(out, f), 'utf8') !== readFileSync(join(committed, f), 'utf8'));
		const extra = saved.filter((f) => !fresh.includes(f));
		if (update) {
			// The fresh files in first, the unused ones out after, so an
			// interrupted update never leaves fewer queries than it found.
			mkdirSync(committed, { recursive: true });
			for (const f of stale) cpSync(join(out, f), join(committed, f));
			for (const f of extra) rmSync(join(committed, f));
			return { file: committed, ok: true, message: `${who}: examples/${where}/ holds ${fresh.length} queries (${stale.length} written, ${extra.length} removed)` };
		}
		// The SQL of each file in question, so the message says which queries.
		const sql = (dir: string, f: string) => `\n    ${String((JSON.parse(readFileSync(join(dir, f), 'utf8')) as { query?: unknown }).query).replace(/\s+/g, ' ')}`;
		const listed = [...stale.map((f) => `${sql(out, f)} (new or changed)`), ...extra.map((f) => `${sql(committed, f)} (unused)`)].join('');
		return stale.length || extra.length
			? { file: committed, ok: false, message: `${who}: examples/${where}/ is stale (${stale.length} new or changed, ${extra.length} unused query files): run npm run sqlx:prepare${listed}` }
			: { file: committed, ok: true, message: `${who}: examples/${where}/ matches ${group.crates.length > 1 ? 'their' : 'its'} ${fresh.length} queries` };
	} finally {
		untouch();
		rmSync(out, { recursive: true, force: true });
	}
}

export default defineTask({
	name: 'sqlx:prepare',
	description: "checks SQLx's offline query data (.sqlx/) against a live database",
	options: {
		update: { type: 'boolean', description: 'rewrite .sqlx/ instead (npm run sqlx:prepare)' },
	},
	async run(values) {
		const withMigrations = workspaceCrates().filter((c) => existsSync(join(c.dir, 'migrations')));
		let throwaway: string | undefined;
		try {
			if (!process.env['DATABASE_URL']) {
				const pg = await startPostgres();
				throwaway = pg.dir;
				process.env['DATABASE_URL'] = pg.url;
				// One schema for every crate, as npm test makes it.
				applyMigrations(
					pg.url,
					withMigrations.map((crate) => join(crate.dir, 'migrations')),
				);
			}
			report(
				offlineGroups(withMigrations, examplesRoot).map((group) => prepare(group, values.update === true)),
				'npm run sqlx:prepare',
			);
		} finally {
			if (throwaway) stopPostgres(throwaway);
		}
	},
});
