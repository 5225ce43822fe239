/**
 * `npm run bench:graphql`: what the N+1 problem costs in time. One GraphQL
 * request for a page of 100 users with their jobs (and then with each
 * job's user), resolved one user at a time and through async-graphql's
 * DataLoader with a 1 ms and a 5 ms batch delay: the statements each
 * request sent and the request's median and p95 time, over 200 requests.
 * The work is the Going further GraphQL crate's `latency` example
 * (examples/going-further/graphql), built in release mode and run against
 * a throwaway PostgreSQL on this machine; this script starts and removes
 * the server, and prints the example's table under a line saying where it
 * ran.
 *
 *   npm run bench:graphql            print the figures
 *   npm run bench:graphql -- --save  also write the transcript (captures/latency.txt)
 *
 * Client, server and database share the machine's cores, and every round
 * trip is over loopback: on a network each of the N+1 statements would
 * also pay the network's round trip, so the gap here is the smallest it
 * gets.
 */
import { join } from 'node:path';
import { crateNamed } from '../../src/build/workspace/workspace.ts';
import { runExampleOnPostgres } from '../lib/example-on-postgres.ts';
import { machine } from '../lib/machine.ts';
import { defineTask } from '../lib/task.ts';
import { saveTranscript } from '../lib/transcript.ts';

const CRATE = 'users-graphql';

export default defineTask({
	name: 'bench:graphql',
	description: 'N+1 in time: a GraphQL page of 100 users with jobs, per user and with a DataLoader, on a throwaway PostgreSQL',
	options: {
		save: { type: 'boolean', description: 'also write the transcript (captures/latency.txt)' },
	},
	async run(values) {
		// Looked up first, so a renamed crate fails before any work.
		const transcript = join(crateNamed(CRATE).dir, 'captures', 'latency.txt');
		const run = await runExampleOnPostgres({
			crate: CRATE,
			example: 'latency',
			database: 'bench_graphql',
			header: (show) => `${machine()}; PostgreSQL ${show('server_version')} on the same machine, over loopback; the release profile`,
		});
		const out = `$ npm run bench:graphql\n${run}\n`;
		process.stdout.write(out);
		if (values.save === true) saveTranscript(transcript, out);
		return 0;
	},
});
