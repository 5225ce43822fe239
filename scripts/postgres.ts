/**
 * Shell access to the throwaway PostgreSQL of scripts/lib/postgres.ts:
 *   eval "$(node scripts/task.ts postgres start)"   exports DATABASE_URL and BACKEND_RUST_PG_DIR
 *   node scripts/task.ts postgres migrate "$DATABASE_URL" examples/api/users-api/migrations [more folders…]
 *                                    (several folders: their union, each file name once, scripts/lib/migrations.ts)
 *   node scripts/task.ts postgres stop "$BACKEND_RUST_PG_DIR"
 */
import { applyMigrations, startPostgres, stopPostgres } from './lib/postgres.ts';
import { defineTask, UsageError } from './lib/task.ts';

export default defineTask({
	name: 'postgres',
	description: 'a throwaway PostgreSQL for shell scripts: start prints the exports to eval',
	options: {},
	positionals: 'start | migrate URL MIGRATIONS_DIR… | stop DIR',
	async run(_values, [command, dir, migrations, ...more]) {
		if (command === 'start' && !dir) {
			const pg = await startPostgres();
			console.log(`export DATABASE_URL='${pg.url}' BACKEND_RUST_PG_DIR='${pg.dir}'`);
		} else if (command === 'migrate' && dir && migrations) {
			applyMigrations(dir, [migrations, ...more]);
		} else if (command === 'stop' && dir && !migrations && more.length === 0) {
			stopPostgres(dir);
		} else {
			throw new UsageError('wants start, migrate URL MIGRATIONS_DIR…, or stop DIR');
		}
	},
});
