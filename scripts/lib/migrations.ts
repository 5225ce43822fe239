/**
 * One schema for several crates' migrations folders: the union of their
 * files. SQLx's query macros of every crate are checked against one shared
 * database (npm test's, sqlx:prepare's), but the API's steps each carry the
 * migrations of the step that introduced them (steps 05 and on link step 04's
 * file, and users-api links the last step's): applying every
 * folder in turn would run the same CREATE TABLE twice and fail with
 * "already exists".
 *
 * The rule that makes a union meaningful: migrations are additive. A later
 * step adds a file with a later name, never edits an earlier one, so a file
 * name stands for one SQL text wherever it appears. The same name with
 * another text breaks that rule, and is an error naming both files.
 *
 * Which files count, and their order, are SQLx's (sqlx-core's
 * migrate/source.rs): `<VERSION>_<DESCRIPTION>.sql`, the version an integer
 * (an error otherwise), applied in the integers' order, so `2_x.sql` comes
 * before `10_x.sql`; a `.down.sql` file is the undo of a reversible
 * migration, which `migrate!` never runs forward.
 */
import { readdirSync, readFileSync, realpathSync } from 'node:fs';
import { basename, join } from 'node:path';

/** A migration file: its name (the version first) and where it was read. */
export interface Migration {
	name: string;
	path: string;
}

/**
 * The version of a migration file SQLx would run forward, or undefined for a
 * file it skips: no `_` after the version, not `.sql`, or a `.down.sql`. A
 * BigInt, as SQLx's is an i64, more than a JS number holds exactly.
 */
export function migrationVersion(name: string): bigint | undefined {
	const underscore = name.indexOf('_');
	if (underscore < 0 || !name.endsWith('.sql') || name.endsWith('.down.sql')) return undefined;
	const version = name.slice(0, underscore);
	// Rust's i64 parse: an optional sign, then digits.
	if (!/^[+-]?\d+$/.test(version)) throw new Error(`migration ${name}: expected an integer version before the first _ (e.g. 0001_users.sql), as SQLx does`);
	return BigInt(version);
}

/**
 * The forward migrations of `dirs`, each distinct name once, in version order
 * (the order SQLx applies them in). Throws when two folders hold the same
 * name with different contents.
 */
export function migrationUnion(dirs: readonly string[]): Migration[] {
	const byName = new Map<string, Migration & { text: string; version: bigint }>();
	for (const dir of dirs) {
		for (const name of readdirSync(dir)) {
			const version = migrationVersion(name);
			if (version === undefined) continue;
			const path = join(dir, name);
			const text = readFileSync(path, 'utf8');
			const seen = byName.get(name);
			if (seen === undefined) byName.set(name, { name, path, text, version });
			else if (seen.text !== text) {
				// Through links, name the file that holds the text.
				const [a, b] = [seen.path, path].map((p) => realpathSync(p));
				throw new Error(
					`migration ${basename(path)} differs between ${a} and ${b}: a migration is never edited once a step has it; add a new file with a later version instead`,
				);
			}
		}
	}
	// Equal versions (two crates' own histories) in name order, so the order never depends on the folders'.
	const order = (a: { version: bigint; name: string }, b: { version: bigint; name: string }) =>
		a.version < b.version ? -1 : a.version > b.version ? 1 : a.name < b.name ? -1 : a.name > b.name ? 1 : 0;
	return [...byName.values()].sort(order).map(({ name, path }) => ({ name, path }));
}
