// Database names go into SQL as identifiers (CREATE DATABASE <name>), so the
// shared helper refuses anything but lower-case letters, digits and
// underscores before it runs psql.
import { describe, expect, it } from 'vitest';
import { createDatabase, databaseUrl } from '../../scripts/lib/postgres.ts';

describe('a database of its own on an existing server', () => {
	it('refuses a name that is not a plain identifier, naming who asked', () => {
		// Port 1: nothing listens there, so reaching psql would fail differently.
		expect(() => createDatabase('postgres://postgres@127.0.0.1:1/postgres', 'users; DROP DATABASE postgres', 'users-api')).toThrow(
			'users-api: database name "users; DROP DATABASE postgres" must be lower-case letters, digits and underscores',
		);
		expect(() => createDatabase('postgres://postgres@127.0.0.1:1/postgres', 'Fuzz')).toThrow(/^database name "Fuzz" must be/);
	});

	it('points the URL at the new database, keeping server and user', () => {
		expect(databaseUrl('postgres://postgres@127.0.0.1:5433/postgres?sslmode=disable', 'fuzz_api_42')).toBe('postgres://postgres@127.0.0.1:5433/fuzz_api_42?sslmode=disable');
	});
});
