/**
 * PostgreSQL for local exercises: one database per crate, holding that
 * crate's migrations, on a throwaway server (or the server of a given URL,
 * npm test's). One database per crate because the API's steps link the same
 * migration files: applied twice to one database, the second run fails with
 * "already exists". Used by scripts/exercise.ts (one crate) and
 * scripts/exercises.ts (every crate with local exercises).
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Crate } from '../../src/build/workspace/workspace.ts';
import { applyMigrations, createDatabase, dropDatabase, startPostgres, stopPostgres, type Postgres } from './postgres.ts';

export interface ExerciseDatabases {
	/** The URL of `crate`'s database. */
	urlOf(crate: Crate): string;
	/** Drops the databases, or stops the throwaway server. */
	stop(): void;
}

/** A database name for `crate` (names are lower-case letters, digits and underscores). */
export function exerciseDatabaseName(crate: Pick<Crate, 'name'>): string {
	return `exercise_${crate.name.toLowerCase().replace(/[^a-z0-9_]/g, '_')}`;
}

async function throwawayServer(): Promise<Postgres> {
	try {
		return await startPostgres();
	} catch (error) {
		throw new Error(`a local exercise needs PostgreSQL, which could not be started: ${(error as Error).message.split('\n')[0]}`);
	}
}

/** A fresh database per crate of `crates`, each migrated; on `serverUrl`, or on a throwaway server when none is given. */
export async function exerciseDatabases(crates: readonly Crate[], serverUrl?: string): Promise<ExerciseDatabases> {
	const throwaway = serverUrl === undefined ? await throwawayServer() : undefined;
	const server = serverUrl ?? throwaway!.url;
	const urls = new Map<string, string>();
	const drop = () => {
		for (const crate of crates) if (urls.has(crate.name)) dropDatabase(server, exerciseDatabaseName(crate));
	};
	// A throwaway server goes with its databases; a given one keeps only what it had.
	const stop = () => (throwaway ? stopPostgres(throwaway.dir) : drop());
	try {
		for (const crate of crates) {
			const url = createDatabase(server, exerciseDatabaseName(crate));
			urls.set(crate.name, url);
			const migrations = join(crate.dir, 'migrations');
			if (existsSync(migrations)) applyMigrations(url, migrations);
		}
	} catch (error) {
		stop();
		throw error;
	}
	return {
		urlOf(crate) {
			const url = urls.get(crate.name);
			if (url === undefined) throw new Error(`no exercise database was made for ${crate.name}`);
			return url;
		},
		stop,
	};
}
