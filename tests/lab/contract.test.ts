// The benchmarking lab's contract test: every peer (examples/bench/*) is
// built from its lockfile, started against the same PostgreSQL, checked to
// answer its contract byte for byte, and given a one-second smoke load on
// each endpoint the lab measures it on. The lab's service in every stack
// answers the lab's contract; the course's users-api, run unchanged from its
// release build in a database of its own, answers its own (with its layers
// checked). A peer whose toolchain is missing is skipped, saying so.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyMigrations, freePort, startPostgres, stopPostgres, type Postgres } from '../../scripts/lib/postgres.ts';
import { ensureCommands } from '../../scripts/lib/debian.ts';
import { runWrk } from '../../scripts/lib/wrk.ts';
import { peerContractProblems } from '../../scripts/bench/lab/contracts.ts';
import { peerDatabase } from '../../scripts/bench/lab/database.ts';
import { benchRoot, buildPeer, countLines, missingToolchain, peerEndpoints, peers, startPeer, type Running } from '../../scripts/bench/lab/peers.ts';
import { join } from 'node:path';

let databaseUrl = process.env['DATABASE_URL'] ?? '';
let own: Postgres | undefined;
beforeAll(async () => {
	ensureCommands([['wrk', 'wrk']], 'the lab contract test');
	// Under npm test the database is up and migrated; alone, start one.
	if (!databaseUrl) {
		own = await startPostgres();
		applyMigrations(own.url, join(benchRoot, 'database/migrations'));
		databaseUrl = own.url;
	}
});
afterAll(() => {
	if (own) stopPostgres(own.dir);
});

for (const peer of peers()) {
	const missing = missingToolchain(peer);
	if (missing) console.log(missing);
	describe.skipIf(missing !== undefined)(peer.name, () => {
		let server: Running;
		beforeAll(async () => {
			buildPeer(peer);
			const options = { port: await freePort(), poolSize: 4 };
			server = await startPeer(peer, { ...options, databaseUrl: await peerDatabase(peer, databaseUrl, options) });
		});
		afterAll(() => server?.stop());

		it('answers its contract byte for byte', async () => {
			expect(await peerContractProblems(peer, server)).toEqual([]);
		});

		it('holds a one-second smoke load without an error', async () => {
			const paths = peerEndpoints(peer).map((endpoint) => (endpoint === 'plaintext' ? '/plaintext' : '/users/42'));
			for (const path of paths) {
				const before = server.logFile ? countLines(server.logFile) : 0;
				const result = await runWrk({ url: server.url + path, connections: 8, seconds: 1 });
				expect(result.requests, `${path}: ${server.output()}`).toBeGreaterThan(0);
				expect({ path, non2xx: result.non2xx, errors: result.errors }).toEqual({ path, non2xx: 0, errors: 'none' });
				// A server that logs to a file (users-api) wrote a line for every response.
				if (server.logFile) expect(countLines(server.logFile) - before).toBeGreaterThanOrEqual(result.requests);
			}
		});
	});
}
