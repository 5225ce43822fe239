/**
 * `npm run bench:grpc`: the same read, one user by id (the same row of the
 * same database), as REST + JSON and as gRPC + protobuf, served by the
 * Going further gRPC crate (examples/going-further/grpc): its release
 * build serves both from one process, the REST route and the gRPC call
 * running the same `store::get`. The load comes from the crate's own
 * client (examples/load.rs): hyper on connections it opens and counts, so
 * one tool drives both sides, REST over HTTP/1.1 and HTTP/2, and gRPC over
 * HTTP/2, each answer checked and decoded.
 *
 *   npm run bench:grpc            print the figures
 *   npm run bench:grpc -- --save  also write the transcript (captures/bench.txt)
 *
 * Two cores: the server is pinned to core 0 and the load client to core 1
 * (taskset); the throwaway PostgreSQL is left to the scheduler and competes
 * with both, as in bench:api. Same concurrency for each protocol (the
 * connections, one request in flight on each), a warm-up, then the
 * measured seconds; three rounds with the protocols in turn, so a slow
 * spell of the shared machine lands on all of them, and the median of each
 * column printed last (the lesson quotes those lines).
 */
import { execFileSync, spawn } from 'node:child_process';
import { join } from 'node:path';
import { crateNamed, examplesRoot } from '../../src/build/workspace/workspace.ts';
import { ensureCommands } from '../lib/debian.ts';
import { machine } from '../lib/machine.ts';
import { createDatabase, freePort, startPostgres, stopPostgres } from '../lib/postgres.ts';
import { defineTask } from '../lib/task.ts';
import { saveTranscript } from '../lib/transcript.ts';

const CRATE = 'users-grpc';
const CONNECTIONS = 16;
const WARMUP_S = 3;
const MEASURE_S = 10;
const ROUNDS = 3;
// A bench-only token: the server refuses to start without one.
const TOKEN = 'bench-token-0123456789abcdef';

export default defineTask({
	name: 'bench:grpc',
	description: 'REST + JSON against gRPC + protobuf for the same read, one load client, server and client pinned',
	options: {
		save: { type: 'boolean', description: 'also write the transcript (captures/bench.txt)' },
	},
	async run(values) {
		const transcript = join(crateNamed(CRATE).dir, 'captures', 'bench.txt');
		ensureCommands(
			[
				['taskset', 'util-linux'],
				['psql', 'postgresql-client'],
				['protoc', 'protobuf-compiler'],
			],
			'bench:grpc',
		);
		console.error('Building the server and the load client (release)...');
		execFileSync('cargo', ['build', '--release', '--locked', '-p', CRATE, '--bin', CRATE, '--example', 'load'], { cwd: examplesRoot, stdio: 'inherit' });
		const release = join(examplesRoot, 'target', 'release');
		const pg = await startPostgres();
		const port = await freePort();
		const url = createDatabase(pg.url, 'bench_grpc');
		const server = spawn('taskset', ['-c', '0', join(release, CRATE)], {
			env: { ...process.env, DATABASE_URL: url, API_TOKEN: TOKEN, HOST: '127.0.0.1', PORT: String(port) },
			stdio: ['ignore', 'pipe', 'inherit'],
		});
		try {
			// It migrates, then says where it listens.
			await new Promise<void>((resolve, reject) => {
				let seen = '';
				server.stdout!.on('data', (chunk: Buffer) => {
					seen += chunk.toString('utf8');
					if (seen.includes('listening on')) resolve();
				});
				server.once('exit', (code) => reject(new Error(`the server exited (${code}) before listening:\n${seen}`)));
			});
			const id = execFileSync('psql', [url, '-Atqc', "INSERT INTO users (name, email) VALUES ('Ada Lovelace', 'ada@example.com') RETURNING id"], { encoding: 'utf8' }).trim();
			const table = execFileSync('taskset', ['-c', '1', join(release, 'examples', 'load'), `127.0.0.1:${port}`, TOKEN, id, String(CONNECTIONS), String(WARMUP_S), String(MEASURE_S), String(ROUNDS)], {
				encoding: 'utf8',
			});
			const version = execFileSync('psql', [url, '-Atc', 'SHOW server_version'], { encoding: 'utf8' }).trim().split(' ')[0];
			const out = [
				'$ npm run bench:grpc',
				`${machine()}; the release profile; server (users-grpc) pinned to core 0, load client (examples/load.rs) to core 1 with taskset; PostgreSQL ${version} on the same machine, not pinned`,
				`GET /users/${id} and users.v1.UserService/GetUser {id: ${id}}: the same row, the same store::get, the same bearer token`,
				'',
				table.trimEnd(),
			].join('\n') + '\n';
			process.stdout.write(out);
			if (values.save === true) saveTranscript(transcript, out);
			return 0;
		} finally {
			server.kill('SIGTERM');
			await new Promise((r) => (server.exitCode === null ? server.once('exit', r) : r(undefined)));
			stopPostgres(pg.dir);
		}
	},
});
