import { afterEach, describe, expect, it, vi } from 'vitest';
import { ensureCommands, installDebianPackages } from '../../scripts/lib/debian.ts';

afterEach(() => vi.restoreAllMocks());

describe('installDebianPackages', () => {
	it('without root, stops with the exact command that installs what is missing', () => {
		vi.spyOn(process, 'getuid').mockReturnValue(1000);
		expect(() => installDebianPackages(['wasi-libc', 'lld'], 'building wasm')).toThrow(
			'building wasm needs wasi-libc lld; install with: sudo apt-get install -y wasi-libc lld',
		);
	});
});

describe('ensureCommands', () => {
	it('asks only for the packages of commands that are not on PATH', () => {
		vi.spyOn(process, 'getuid').mockReturnValue(1000);
		expect(() => ensureCommands([['sh', 'dash'], ['no-such-command-here', 'some-package']], 'bench:cli')).toThrow(
			'bench:cli needs some-package; install with: sudo apt-get install -y some-package',
		);
		expect(() => ensureCommands([['sh', 'dash']], 'bench:cli')).not.toThrow();
	});
});
