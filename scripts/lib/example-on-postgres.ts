/**
 * A benchmark that is one example of a crate, built in release mode and run
 * against a throwaway PostgreSQL on this machine (bench:jobs,
 * bench:graphql): the example prints its table, and the script puts a line
 * above it saying where it ran. The server is removed afterwards, whether
 * the example succeeded or not.
 */
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { examplesRoot } from '../../src/build/workspace/workspace.ts';
import { createDatabase, startPostgres, stopPostgres } from './postgres.ts';

/** A setting of the running server, as `SHOW` gives it (its first word). */
export type Show = (setting: string) => string;

export interface ExampleRun {
	crate: string;
	example: string;
	/** The database the example gets, created on the throwaway server. */
	database: string;
	/** The line above the table, asked while the server still runs. */
	header: (show: Show) => string;
}

/** The header line, an empty line and the example's table. */
export async function runExampleOnPostgres(run: ExampleRun): Promise<string> {
	console.error(`Building the ${run.example} example (release)...`);
	execFileSync('cargo', ['build', '--release', '--locked', '-p', run.crate, '--example', run.example], { cwd: examplesRoot, stdio: 'inherit' });
	const pg = await startPostgres();
	try {
		const url = createDatabase(pg.url, run.database);
		const table = execFileSync(join(examplesRoot, 'target', 'release', 'examples', run.example), [], {
			env: { ...process.env, DATABASE_URL: url },
			encoding: 'utf8',
		});
		const show: Show = (setting) => execFileSync('psql', [url, '-Atc', `SHOW ${setting}`], { encoding: 'utf8' }).trim().split(' ')[0]!;
		return [run.header(show), '', table.trimEnd()].join('\n');
	} finally {
		stopPostgres(pg.dir);
	}
}
