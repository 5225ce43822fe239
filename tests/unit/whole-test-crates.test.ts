// npm test leaves out of `cargo test --workspace` the crates whose every test
// a capture runs: exactly those whose capture command is plain `cargo test`.
import { describe, expect, it } from 'vitest';
import { wholeTestCrates } from '../../scripts/captures.ts';
import { workspace, type Capture } from '../../src/build/workspace/model.ts';

const capture = (command: string): Capture => ({ file: 'captures/x.txt', commands: [command], server: undefined, until: undefined, env: {}, exit: 0, database: false, root: false, measured: false });

describe('wholeTestCrates', () => {
	it('takes a crate only for a plain `cargo test`', () => {
		const crates = [
			{ name: 'all', captures: [capture('cargo run'), capture(' cargo test ')] },
			{ name: 'one-target', captures: [capture('cargo test --test pagination')] },
			{ name: 'lib-only', captures: [capture('cargo test --lib')] },
			{ name: 'two-commands', captures: [{ ...capture('cargo test'), commands: ['cargo test', 'cargo run'] }] },
			{ name: 'none', captures: [] },
			{ name: 'expected-to-fail', captures: [{ ...capture('cargo test'), exit: 101 }] },
			{ name: 'root-only', captures: [{ ...capture('cargo test'), root: true }] },
			{ name: 'cut-short', captures: [{ ...capture('cargo test'), until: 'running' }] },
			{ name: 'with-a-server', captures: [{ ...capture('cargo test'), server: 'cargo run' }] },
		];
		expect(wholeTestCrates(crates)).toEqual(['all']);
	});

	it("in the workspace: the API steps whose lesson shows `cargo test`, and logstat's step 04", () => {
		const names = wholeTestCrates(workspace().crates);
		expect(names).toContain('users-api-step-07');
		expect(names).toContain('logstat-step-04');
		// The finished tool has no tests of its own: they are its last step's.
		expect(names).not.toContain('logstat');
		// The finished API and the steps that show only some targets stay in the workspace run.
		expect(names).not.toContain('users-api');
		expect(names).not.toContain('users-api-step-12');
	});
});
