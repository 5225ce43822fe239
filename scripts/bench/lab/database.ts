/**
 * The database a peer reads. The lab's service in every stack shares one:
 * `bench_users`, loaded from examples/bench/database/migrations. A peer with
 * a `database` of its own (users-api) gets a fresh database of that name in
 * the same PostgreSQL server, which it sets up as it would in production: it
 * runs its own migrations when it starts. So the lab starts it once, stops
 * it, and then loads the peer's seed file into the tables it created.
 */
import { join } from 'node:path';
import { createDatabase, psql } from '../../lib/postgres.ts';
import { startPeer, type Peer, type StartOptions } from './peers.ts';

export { databaseUrl } from '../../lib/postgres.ts';

/** Where the peer's DATABASE_URL points, set up and filled; `labUrl` is the lab's own database. */
export async function peerDatabase(peer: Peer, labUrl: string, options: Omit<StartOptions, 'databaseUrl'>): Promise<string> {
	if (!peer.database) return labUrl;
	const { name, seed } = peer.database;
	const url = createDatabase(labUrl, name, peer.name);
	const first = await startPeer(peer, { ...options, databaseUrl: url });
	await first.stop();
	psql(url, ['-f', join(peer.dir, seed)], `${peer.name}: loading ${seed}`);
	return url;
}
