/**
 * A throwaway PostgreSQL server for the tests and `npm run api`: a fresh
 * cluster in a temporary folder, on a free port of 127.0.0.1, trusting local
 * connections, deleted when stopped. It uses Debian's `postgresql` package,
 * installed here when missing and running as root (no binary download
 * needed; docs/toolchain.md has the details). initdb refuses to run as
 * root, so as root the cluster belongs to the `postgres` user.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { installDebianPackages } from './debian.ts';
import { migrationUnion } from './migrations.ts';

export interface Postgres {
	url: string;
	dir: string;
}

function binaries(): string {
	const root = '/usr/lib/postgresql';
	const versions = existsSync(root) ? readdirSync(root).filter((v) => existsSync(join(root, v, 'bin/initdb'))) : [];
	if (versions.length === 0) {
		installDebianPackages(['postgresql'], 'a throwaway PostgreSQL');
		return binaries();
	}
	return join(root, versions.sort((a, b) => Number(b) - Number(a))[0]!, 'bin');
}

/** A TCP port on 127.0.0.1 that nothing listens on right now. */
export function freePort(): Promise<number> {
	return new Promise((resolve, reject) => {
		const server = createServer();
		server.on('error', reject);
		server.listen(0, '127.0.0.1', () => {
			const { port } = server.address() as { port: number };
			server.close(() => resolve(port));
		});
	});
}

/** Runs a PostgreSQL tool, as `postgres` when we are root. */
function tool(bin: string, name: string, args: string[]): void {
	const asRoot = process.getuid?.() === 0;
	const [command, argv] = asRoot ? ['runuser', ['-u', 'postgres', '--', join(bin, name), ...args]] : [join(bin, name), args];
	const run = spawnSync(command, argv, { encoding: 'utf8' });
	if (run.status !== 0) throw new Error(`${name} failed:\n${run.stdout}${run.stderr}`);
}

export async function startPostgres(): Promise<Postgres> {
	const bin = binaries();
	const dir = mkdtempSync(join(tmpdir(), 'backend-rust-pg-'));
	chmodSync(dir, 0o700);
	if (process.getuid?.() === 0) {
		const id = (flag: string) => Number(execFileSync('id', [flag, 'postgres'], { encoding: 'utf8' }).trim());
		chownSync(dir, id('-u'), id('-g'));
	}
	const port = await freePort();
	const data = join(dir, 'data');
	try {
		tool(bin, 'initdb', ['-D', data, '-U', 'postgres', '-A', 'trust', '--no-sync', '--no-instructions', '-E', 'UTF8']);
		const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off`;
		tool(bin, 'pg_ctl', ['-D', data, '-o', options, '-l', join(dir, 'server.log'), '-w', 'start']);
	} catch (error) {
		// A failed or interrupted start (Ctrl-C reaches initdb and pg_ctl too)
		// leaves no server and no folder behind.
		try {
			stopPostgres(dir);
		} catch {
			// no server was running
		}
		rmSync(dir, { recursive: true, force: true });
		throw error;
	}
	return { url: `postgres://postgres@127.0.0.1:${port}/postgres`, dir };
}

export function stopPostgres(dir: string): void {
	if (!existsSync(join(dir, 'data'))) return;
	try {
		tool(binaries(), 'pg_ctl', ['-D', join(dir, 'data'), '-m', 'fast', '-w', 'stop']);
	} finally {
		rmSync(dir, { recursive: true, force: true });
	}
}

/** The URL of another database on the same server as `url`. */
export function databaseUrl(url: string, name: string): string {
	const next = new URL(url);
	next.pathname = `/${name}`;
	return next.toString();
}

/** Runs psql quietly, stopping at the first SQL error; `what` names the step in the error message. */
export function psql(url: string, args: string[], what: string): void {
	const run = spawnSync('psql', [url, '-v', 'ON_ERROR_STOP=1', '-qAt', '-o', '/dev/null', ...args], { encoding: 'utf8' });
	if (run.error || run.status !== 0) throw new Error(`${what} failed:\n${run.error?.message ?? run.stderr}`);
}

/**
 * A fresh, empty database `name` on the server of `serverUrl` (one left by
 * an earlier run is dropped first); returns its URL. Error messages start
 * with `who` when given, e.g. the lab's peer name.
 */
export function createDatabase(serverUrl: string, name: string, who?: string): string {
	const prefix = who ? `${who}: ` : '';
	// The name goes into SQL as an identifier: letters, digits and underscores only.
	if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`${prefix}database name ${JSON.stringify(name)} must be lower-case letters, digits and underscores`);
	psql(serverUrl, ['-c', `DROP DATABASE IF EXISTS ${name}`, '-c', `CREATE DATABASE ${name}`], `${prefix}creating database ${name}`);
	return databaseUrl(serverUrl, name);
}

/**
 * Drops database `name`, closing its connections first. For clean-up: a
 * failure is reported on stderr, not thrown, so the other clean-ups run.
 */
export function dropDatabase(serverUrl: string, name: string): void {
	try {
		psql(serverUrl, ['-c', `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`], `dropping database ${name}`);
	} catch (error) {
		console.error(error instanceof Error ? error.message : String(error));
	}
}

/**
 * Applies migrations with psql, in file-name order, so that SQLx's query
 * macros can check their SQL against the schema at compile time (the crate
 * cannot run its own migrations before it compiles). Several folders are
 * applied as their union (./migrations.ts): a file several crates share, by
 * link or by copy, runs once.
 */
export function applyMigrations(url: string, dirs: string | readonly string[]): void {
	for (const { name, path } of migrationUnion(typeof dirs === 'string' ? [dirs] : dirs)) {
		const run = spawnSync('psql', [url, '-v', 'ON_ERROR_STOP=1', '-q', '-f', path], { encoding: 'utf8' });
		if (run.status !== 0) throw new Error(`migration ${name} failed:\n${run.stderr}`);
	}
}
