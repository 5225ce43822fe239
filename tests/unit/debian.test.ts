import { afterEach, describe, expect, it, vi } from 'vitest';
import { installDebianPackages } from '../../scripts/lib/debian.ts';

afterEach(() => vi.restoreAllMocks());

describe('installDebianPackages', () => {
	it('without root, stops with the exact command that installs what is missing', () => {
		vi.spyOn(process, 'getuid').mockReturnValue(1000);
		expect(() => installDebianPackages(['wasi-libc', 'lld'], 'building wasm')).toThrow(
			'building wasm needs wasi-libc lld; install with: sudo apt-get install -y wasi-libc lld',
		);
	});
});
