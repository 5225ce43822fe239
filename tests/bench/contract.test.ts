// The benchmarking lab's contract test: every peer (examples/bench/*) is
// built from its lockfile, started against the same PostgreSQL, checked to
// answer the contract byte for byte, and given a one-second smoke load.
// A peer whose toolchain is missing is skipped, saying so.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyMigrations, freePort, startPostgres, stopPostgres, type Postgres } from '../../scripts/lib/postgres.ts';
import { ensureCommands } from '../../scripts/lib/debian.ts';
import { runWrk } from '../../scripts/lib/wrk.ts';
import { contractProblems } from '../../scripts/bench/lab/contract.ts';
import { benchRoot, buildPeer, missingToolchain, peers, startPeer, type Running } from '../../scripts/bench/lab/peers.ts';
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
			server = await startPeer(peer, { port: await freePort(), databaseUrl, poolSize: 4 });
		});
		afterAll(() => server?.stop());

		it('answers the contract byte for byte', async () => {
			expect(await contractProblems(server.url)).toEqual([]);
		});

		it('holds a one-second smoke load without an error', async () => {
			for (const path of ['/plaintext', '/users/42']) {
				const result = await runWrk({ url: server.url + path, connections: 8, seconds: 1 });
				expect(result.requests, `${path}: ${server.output()}`).toBeGreaterThan(0);
				expect({ path, non2xx: result.non2xx, errors: result.errors }).toEqual({ path, non2xx: 0, errors: 'none' });
			}
		});
	});
}
