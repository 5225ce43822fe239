/**
 * A fresh, empty PostgreSQL database for one run of a service that migrates
 * its own schema at start-up (the API's steps from 04 on): on the server of
 * a given URL (npm test's) when there is one, else on a throwaway server
 * started for it. Stopping drops the database, or the whole throwaway server.
 */
import { createDatabase, dropDatabase, startPostgres, stopPostgres } from './postgres.ts';

export interface FreshDatabase {
	url: string;
	stop(): void;
}

/** Database `name` (lower-case letters, digits, underscores), empty, on `serverUrl`'s server or a throwaway one. */
export async function freshDatabase(name: string, serverUrl?: string): Promise<FreshDatabase> {
	if (serverUrl) return { url: createDatabase(serverUrl, name), stop: () => dropDatabase(serverUrl, name) };
	const pg = await startPostgres();
	try {
		return { url: createDatabase(pg.url, name), stop: () => stopPostgres(pg.dir) };
	} catch (error) {
		stopPostgres(pg.dir);
		throw error;
	}
}
