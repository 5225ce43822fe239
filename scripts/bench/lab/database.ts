/**
 * The database a peer reads. The lab's service in every stack shares one:
 * `bench_users`, loaded from examples/bench/database/migrations. A peer with
 * a `database` of its own (users-api) gets a fresh database of that name in
 * the same PostgreSQL server, which it sets up as it would in production: it
 * runs its own migrations when it starts. So the lab starts it once, stops
 * it, and then loads the peer's seed file into the tables it created.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { startPeer, type Peer, type StartOptions } from './peers.ts';

/** The URL of another database on the same server as `url`. */
export function databaseUrl(url: string, name: string): string {
	const next = new URL(url);
	next.pathname = `/${name}`;
	return next.toString();
}

function psql(url: string, args: string[], what: string): void {
	const run = spawnSync('psql', [url, '-v', 'ON_ERROR_STOP=1', '-qAt', '-o', '/dev/null', ...args], { encoding: 'utf8' });
	if (run.error || run.status !== 0) throw new Error(`${what} failed:\n${run.error?.message ?? run.stderr}`);
}

/** Where the peer's DATABASE_URL points, set up and filled; `labUrl` is the lab's own database. */
export async function peerDatabase(peer: Peer, labUrl: string, options: Omit<StartOptions, 'databaseUrl'>): Promise<string> {
	if (!peer.database) return labUrl;
	const { name, seed } = peer.database;
	// The name goes into SQL as an identifier: letters, digits and underscores only.
	if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`${peer.name}: database name ${JSON.stringify(name)} must be lower-case letters, digits and underscores`);
	psql(labUrl, ['-c', `DROP DATABASE IF EXISTS ${name}`, '-c', `CREATE DATABASE ${name}`], `${peer.name}: creating database ${name}`);
	const url = databaseUrl(labUrl, name);
	const first = await startPeer(peer, { ...options, databaseUrl: url });
	await first.stop();
	psql(url, ['-f', join(peer.dir, seed)], `${peer.name}: loading ${seed}`);
	return url;
}
