/**
 * `npm run bench:jobs`: jobs per second through the Going further job queue
 * (examples/going-further/job-queue) with 1, 2 and 4 workers, for a handler
 * that does nothing (the queue's own cost) and one that waits 10 ms (a job
 * that calls another service). The work is the crate's `throughput`
 * example, built in release mode and run against a throwaway PostgreSQL on
 * this machine; this script starts and removes the server, and prints the
 * example's table under a line saying where it ran.
 *
 *   npm run bench:jobs            print the figures
 *   npm run bench:jobs -- --save  also write the transcript (captures/throughput.txt)
 *
 * The database shares the machine's cores with the workers, as it would on
 * a small server. More workers than cores still help while each waits on a
 * round trip to the database. The throwaway server runs without durable
 * commits (fsync, synchronous_commit and full_page_writes off, see
 * scripts/lib/postgres.ts), and the header says so: each job is three
 * commits, so on a durable server the disk's flush time would weigh on it.
 */
import { join } from 'node:path';
import { crateNamed } from '../../src/build/workspace/workspace.ts';
import { runExampleOnPostgres } from '../lib/example-on-postgres.ts';
import { machine } from '../lib/machine.ts';
import { defineTask } from '../lib/task.ts';
import { saveTranscript } from '../lib/transcript.ts';

const CRATE = 'job-queue';

export default defineTask({
	name: 'bench:jobs',
	description: 'jobs per second through the job queue with 1, 2 and 4 workers, on a throwaway PostgreSQL',
	options: {
		save: { type: 'boolean', description: 'also write the transcript (captures/throughput.txt)' },
	},
	async run(values) {
		// Looked up first, so a renamed crate fails before any work.
		const transcript = join(crateNamed(CRATE).dir, 'captures', 'throughput.txt');
		const run = await runExampleOnPostgres({
			crate: CRATE,
			example: 'throughput',
			database: 'bench_jobs',
			header: (show) => {
				const durability = ['fsync', 'synchronous_commit', 'full_page_writes'].map((s) => `${s}=${show(s)}`).join(', ');
				return `${machine()}; PostgreSQL ${show('server_version')} on the same machine (${durability}); the release profile`;
			},
		});
		const out = `$ npm run bench:jobs\n${run}\n`;
		process.stdout.write(out);
		if (values.save === true) saveTranscript(transcript, out);
		return 0;
	},
});
