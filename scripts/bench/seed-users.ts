/**
 * Users for the API benchmarks, written straight into a migrated database
 * with SQL: through POST /users each would cost a password hash, so seeding
 * would take longer than the measurement. Names and emails follow the id
 * ("User 7", user7@example.com); ANALYZE gives the planner the table's size.
 */
import { psql } from '../lib/postgres.ts';

export function seedUsers(databaseUrl: string, rows: number): void {
	psql(
		databaseUrl,
		['-c', `INSERT INTO users (name, email) SELECT 'User ' || i, 'user' || i || '@example.com' FROM generate_series(1, ${rows}) AS i`, '-c', 'ANALYZE users'],
		'seeding users',
	);
}
