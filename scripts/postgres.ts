/**
 * Shell access to the throwaway PostgreSQL of scripts/lib/postgres.ts:
 *   eval "$(node scripts/postgres.ts start)"   exports DATABASE_URL and BACKEND_RUST_PG_DIR
 *   node scripts/postgres.ts migrate "$DATABASE_URL" examples/api/users-api/migrations
 *   node scripts/postgres.ts stop "$BACKEND_RUST_PG_DIR"
 */
import { applyMigrations, startPostgres, stopPostgres } from './lib/postgres.ts';

const [command, dir, migrations] = process.argv.slice(2);
if (command === 'start') {
	const pg = await startPostgres();
	console.log(`export DATABASE_URL='${pg.url}' BACKEND_RUST_PG_DIR='${pg.dir}'`);
} else if (command === 'migrate' && dir && migrations) {
	applyMigrations(dir, migrations);
} else if (command === 'stop' && dir) {
	stopPostgres(dir);
} else {
	console.error('usage: node scripts/postgres.ts start | migrate URL MIGRATIONS_DIR | stop DIR');
	process.exit(2);
}
