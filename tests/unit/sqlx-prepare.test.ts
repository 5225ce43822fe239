// sqlx:prepare's two guards around cargo: the touch that makes the query
// macros run again must leave the sources' times as they were (else every
// `cargo test` artifact built before goes stale), and a crate cargo did not
// compile must not pass for one whose queries were checked.
import { mkdirSync, mkdtempSync, rmSync, statSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { notCompiled, touchSources } from '../../scripts/sqlx-prepare.ts';

describe('touching the sources for the macros', () => {
	let root: string;
	const old = new Date('2026-01-02T03:04:05.678Z');
	const file = (path: string) => {
		const full = join(root, path);
		mkdirSync(join(full, '..'), { recursive: true });
		writeFileSync(full, 'fn main() {}\n');
		utimesSync(full, old, old);
		return full;
	};
	beforeEach(() => {
		root = mkdtempSync(join(tmpdir(), 'sqlx-prepare-test-'));
	});
	afterEach(() => rmSync(root, { recursive: true, force: true }));

	it('makes every .rs file newer, through links, and the undo puts the times back', () => {
		const lib = file('04/src/lib.rs');
		const test = file('04/tests/api/main.rs');
		const notes = file('04/src/notes.md');
		mkdirSync(join(root, '05/src'), { recursive: true });
		symlinkSync('../../04/src/lib.rs', join(root, '05/src/lib.rs'));
		const undo = touchSources([{ dir: join(root, '04') }, { dir: join(root, '05') }]);
		expect(statSync(lib).mtimeMs).toBeGreaterThan(old.getTime());
		expect(statSync(test).mtimeMs).toBeGreaterThan(old.getTime());
		expect(statSync(notes).mtimeMs).toBe(old.getTime());
		undo();
		// The link's target once: touched twice, its first time would be lost.
		for (const f of [lib, test]) expect(statSync(f).mtimeMs).toBe(old.getTime());
	});

	it('leaves the time of a file saved meanwhile', () => {
		const lib = file('04/src/lib.rs');
		const undo = touchSources([{ dir: join(root, '04') }]);
		const saved = new Date(Date.now() + 5000);
		utimesSync(lib, saved, saved);
		undo();
		expect(statSync(lib).mtimeMs).toBe(saved.getTime());
	});
});

describe('the crates cargo did not compile', () => {
	const crates = [
		{ name: 'step-04', dir: '/x/04' },
		{ name: 'step-05', dir: '/x/05' },
	];
	const artifact = (dir: string, fresh: boolean) => JSON.stringify({ reason: 'compiler-artifact', manifest_path: `${dir}/Cargo.toml`, fresh });

	it('is none when every crate was compiled', () => {
		const stdout = [artifact('/x/04', false), artifact('/x/05', false), artifact('/registry/serde', true), '{"reason":"build-finished","success":true}'].join('\n');
		expect(notCompiled(crates, stdout)).toEqual([]);
	});

	it('names a crate cargo found fresh, and one it never mentioned', () => {
		expect(notCompiled(crates, `${artifact('/x/04', true)}\n`)).toEqual(['step-04', 'step-05']);
	});
});
