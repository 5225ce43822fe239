// The compiler named under every included block: `rustc --version`, read in
// examples/ (src/build/workspace/toolchain.ts).
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { parseRustcVersion, rustcVersion } from '../../src/build/workspace/toolchain.ts';
import { examplesRoot } from '../../src/build/workspace/workspace.ts';

describe('rustc version', () => {
	it('takes the version from what rustc --version prints, keeping a pre-release suffix', () => {
		expect(parseRustcVersion('rustc 1.95.0 (59807616e 2026-04-14)\n')).toBe('1.95.0');
		expect(parseRustcVersion('rustc 1.97.0-nightly (0123abcd 2026-05-30)')).toBe('1.97.0-nightly');
		expect(parseRustcVersion('rustc 1.96.0-beta.3 (abc 2026-05-01)')).toBe('1.96.0-beta.3');
		expect(parseRustcVersion('rustc 1.95.0')).toBe('1.95.0');
	});

	it('refuses output that is not a rustc version, quoting it', () => {
		expect(() => parseRustcVersion('cargo 1.95.0')).toThrow('rustc --version printed “cargo 1.95.0”, not “rustc <version> …”');
	});

	it('asks the compiler of examples/, as cargo would there', () => {
		const printed = execFileSync(process.env['RUSTC'] || 'rustc', ['--version'], { cwd: examplesRoot, encoding: 'utf8' });
		expect(printed.startsWith(`rustc ${rustcVersion()} `)).toBe(true);
	});

	it('stops with the fix when rustc is missing', () => {
		expect(() => rustcVersion(examplesRoot, 'rustc-that-is-not-installed')).toThrow(
			/^rustc-that-is-not-installed is not installed or not on PATH\. Every page names the compiler its code was tested with, read from `rustc --version` in .*: install Rust with rustup \(see README\.md, Set-up\) and build again\.$/,
		);
	});
});
