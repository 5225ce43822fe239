/**
 * SQLx's offline query data (.sqlx/), without installing sqlx-cli: the query
 * macros write a crate's data when it compiles against a live database with
 * SQLX_OFFLINE_DIR set, which is what `cargo sqlx prepare` arranges.
 *
 *   node scripts/task.ts sqlx:prepare           check .sqlx/ is complete and current (the tests run this)
 *   node scripts/task.ts sqlx:prepare --update  rewrite it (npm run sqlx:prepare)
 *
 * With DATABASE_URL set, that database must have the migrations applied
 * (the test command does this); without it, a throwaway PostgreSQL is
 * started, migrated, and removed afterwards.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, utimesSync, cpSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { examplesRoot, workspaceCrates, type Crate } from '../src/build/workspace/workspace.ts';
import { report, type GoldenResult } from './lib/golden.ts';
import { applyMigrations, startPostgres, stopPostgres } from './lib/postgres.ts';
import { defineTask } from './lib/task.ts';

/** Builds `crate` against the database into a scratch folder, then compares (or, updating, copies) its query files. */
function prepare(crate: Crate, update: boolean): GoldenResult {
	const out = mkdtempSync(join(tmpdir(), 'sqlx-prepare-'));
	try {
		// Touching the sources makes cargo expand the macros again.
		for (const file of readdirSync(join(crate.dir, 'src'), { recursive: true }).map(String).filter((f) => f.endsWith('.rs'))) {
			const now = new Date();
			utimesSync(join(crate.dir, 'src', file), now, now);
		}
		const build = spawnSync('cargo', ['check', '-p', crate.name, '--all-targets', '--locked', '--quiet'], {
			cwd: examplesRoot,
			encoding: 'utf8',
			env: { ...process.env, SQLX_OFFLINE: 'false', SQLX_OFFLINE_DIR: out },
		});
		const committed = join(crate.dir, '.sqlx');
		if (build.status !== 0) return { file: committed, ok: false, message: `${crate.name}: does not compile against the database:\n${build.stderr}` };
		const fresh = readdirSync(out).sort();
		if (update) {
			rmSync(committed, { recursive: true, force: true });
			cpSync(out, committed, { recursive: true });
			return { file: committed, ok: true, message: `${crate.name}: wrote ${fresh.length} queries to .sqlx/` };
		}
		const saved = existsSync(committed) ? readdirSync(committed).sort() : [];
		const stale = fresh.filter((f) => !saved.includes(f) || readFileSync(join(out, f), 'utf8') !== readFileSync(join(committed, f), 'utf8'));
		const extra = saved.filter((f) => !fresh.includes(f));
		return stale.length || extra.length
			? { file: committed, ok: false, message: `${crate.name}: .sqlx/ is stale (${stale.length} new or changed, ${extra.length} unused query files)` }
			: { file: committed, ok: true, message: `${crate.name}: .sqlx/ matches its ${fresh.length} queries` };
	} finally {
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
				for (const crate of withMigrations) applyMigrations(pg.url, join(crate.dir, 'migrations'));
			}
			report(
				withMigrations.map((crate) => prepare(crate, values.update === true)),
				'npm run sqlx:prepare',
			);
		} finally {
			if (throwaway) stopPostgres(throwaway);
		}
	},
});
