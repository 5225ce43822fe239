// The union of several crates' migrations folders that npm test and
// sqlx:prepare apply to one shared database: the API's steps and users-api
// hold the same files, by link or by copy, which must run once.
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { migrationUnion, migrationVersion } from '../../scripts/lib/migrations.ts';

const USERS = 'CREATE TABLE users (id BIGINT PRIMARY KEY);\n';
const ROLES = 'ALTER TABLE users ADD COLUMN role TEXT;\n';

describe('the union of migrations folders', () => {
	let root: string;
	const folder = (name: string, files: Record<string, string>) => {
		const dir = join(root, name);
		mkdirSync(dir, { recursive: true });
		for (const [file, text] of Object.entries(files)) writeFileSync(join(dir, file), text);
		return dir;
	};
	beforeEach(() => {
		root = mkdtempSync(join(tmpdir(), 'migrations-test-'));
	});
	afterEach(() => rmSync(root, { recursive: true, force: true }));

	it('takes each file name once, in name order, whichever folder had it first', () => {
		const step04 = folder('04/migrations', { '0001_users.sql': USERS });
		const step10 = folder('10/migrations', { '0001_users.sql': USERS, '0002_roles.sql': ROLES, 'README.md': 'not SQL' });
		const finished = folder('users-api/migrations', { '0001_users.sql': USERS });
		const union = migrationUnion([step10, finished, step04]);
		expect(union.map((m) => m.name)).toEqual(['0001_users.sql', '0002_roles.sql']);
		expect(union[0]!.path).toBe(join(step10, '0001_users.sql'));
	});

	it('counts a linked file as the file it links to', () => {
		const step04 = folder('04/migrations', { '0001_users.sql': USERS });
		const step05 = folder('05/migrations', {});
		symlinkSync('../../04/migrations/0001_users.sql', join(step05, '0001_users.sql'));
		expect(migrationUnion([step04, step05]).map((m) => m.name)).toEqual(['0001_users.sql']);
	});

	it('refuses the same name with another text, naming both files', () => {
		const step04 = folder('04/migrations', { '0001_users.sql': USERS });
		const edited = folder('05/migrations', { '0001_users.sql': `${USERS}-- edited later\n` });
		expect(() => migrationUnion([step04, edited])).toThrow(
			`migration 0001_users.sql differs between ${join(step04, '0001_users.sql')} and ${join(edited, '0001_users.sql')}: a migration is never edited`,
		);
	});

	it('orders by the integer version, as SQLx does, not by the name as text', () => {
		// As text, '10_' sorts before '2_' and '0003_': SQLx would run them 2, 3, 10.
		const dir = folder('mixed', { '10_sessions.sql': ROLES, '2_users.sql': USERS, '0003_roles.sql': ROLES });
		expect(migrationUnion([dir]).map((m) => m.name)).toEqual(['2_users.sql', '0003_roles.sql', '10_sessions.sql']);
	});

	it('runs the up half of a reversible migration and never its down half', () => {
		const dir = folder('reversible', {
			'0001_users.sql': USERS,
			'0002_roles.up.sql': ROLES,
			'0002_roles.down.sql': 'ALTER TABLE users DROP COLUMN role;\n',
		});
		expect(migrationUnion([dir]).map((m) => m.name)).toEqual(['0001_users.sql', '0002_roles.up.sql']);
	});

	it('skips what SQLx skips and refuses a version that is not an integer', () => {
		expect(['notes.sql', 'README.md', '0001_users.sql.bak'].map(migrationVersion)).toEqual([undefined, undefined, undefined]);
		// Beyond 2^53, where a JS number would round: SQLx's versions are i64.
		expect(migrationVersion('9007199254740993_x.sql')).toBe(9007199254740993n);
		expect(() => migrationUnion([folder('bad', { 'v1_users.sql': USERS })])).toThrow('migration v1_users.sql: expected an integer version');
	});

	it('is empty for folders without SQL', () => {
		expect(migrationUnion([folder('empty', {})])).toEqual([]);
	});
});
