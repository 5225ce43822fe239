import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ensureCommands, installDebianPackages, onPath } from '../../scripts/lib/debian.ts';
import { ensureTools } from '../../scripts/ensure-tools.ts';

let bin: string;
beforeEach(() => {
	bin = mkdtempSync(join(tmpdir(), 'debian-test-'));
});
afterEach(() => {
	vi.restoreAllMocks();
	vi.unstubAllEnvs();
	vi.resetModules();
	rmSync(bin, { recursive: true, force: true });
});

/**
 * An apt-get on PATH that logs each call (with DEBIAN_FRONTEND) and, on
 * install, puts a command named after each package in `bin`; the module is
 * loaded afresh, so its "updated once" memory starts empty.
 */
async function withFakeAptGet(): Promise<{ debian: typeof import('../../scripts/lib/debian.ts'); calls: () => string[] }> {
	const log = join(bin, 'log');
	writeFileSync(
		join(bin, 'apt-get'),
		`#!/bin/sh\necho "[$DEBIAN_FRONTEND] $*" >> ${log}\n[ "$1" = install ] && for p in "$@"; do case $p in -*|install) ;; *) printf '#!/bin/sh\\n' > ${bin}/$p; chmod +x ${bin}/$p;; esac; done\nexit 0\n`,
	);
	chmodSync(join(bin, 'apt-get'), 0o755);
	vi.stubEnv('PATH', `${bin}:/usr/bin:/bin`);
	vi.stubEnv('DEBIAN_FRONTEND', '');
	vi.spyOn(process, 'getuid').mockReturnValue(0);
	vi.spyOn(console, 'error').mockImplementation(() => {});
	const debian = await import('../../scripts/lib/debian.ts');
	return { debian, calls: () => readFileSync(log, 'utf8').trim().split('\n') };
}

describe('installDebianPackages', () => {
	it('without root, stops with the exact command that installs what is missing', () => {
		vi.spyOn(process, 'getuid').mockReturnValue(1000);
		expect(() => installDebianPackages(['wasi-libc', 'lld'], 'building wasm')).toThrow(
			'building wasm needs wasi-libc lld; install with: sudo apt-get install -y wasi-libc lld',
		);
	});

	it('as root where there is no apt-get (not Debian), stops the same way', () => {
		vi.spyOn(process, 'getuid').mockReturnValue(0);
		vi.stubEnv('PATH', bin);
		expect(() => installDebianPackages(['curl'], 'npm test')).toThrow('npm test needs curl; install with: sudo apt-get install -y curl');
	});

	it('as root on Debian, updates the package lists once, then installs without questions', async () => {
		const { debian, calls } = await withFakeAptGet();
		debian.installDebianPackages(['wrk', 'wrk'], 'bench');
		debian.installDebianPackages(['curl'], 'bench');
		expect(calls()).toEqual(['[] update -qq', '[noninteractive] install -y -qq wrk', '[noninteractive] install -y -qq curl']);
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

	it('as root, installs the missing packages in one go and then finds the commands', async () => {
		const { debian, calls } = await withFakeAptGet();
		debian.ensureCommands([['sh', 'dash'], ['tool-a', 'tool-a'], ['tool-b', 'tool-b']], 'bench');
		expect(calls()).toEqual(['[] update -qq', '[noninteractive] install -y -qq tool-a tool-b']);
		expect(debian.onPath('tool-b')).toBe(true);
	});

	it('stops when a package installs but the command is still missing', async () => {
		const { debian } = await withFakeAptGet();
		expect(() => debian.ensureCommands([['tool-c2', 'tool-c']], 'bench')).toThrow('bench needs tool-c: apt-get installed it, yet it is still missing');
	});
});

describe('onPath', () => {
	it('finds an executable file in a folder of PATH, and only an executable one', () => {
		writeFileSync(join(bin, 'plain'), 'not a program');
		writeFileSync(join(bin, 'tool'), '#!/bin/sh\n');
		chmodSync(join(bin, 'tool'), 0o755);
		expect(onPath('tool', `/nowhere:${bin}`)).toBe(true);
		expect(onPath('plain', bin)).toBe(false);
		expect(onPath('tool', '')).toBe(false);
	});
});

describe('ensureTools', () => {
	it('without Rust, names it and the command that installs it, before any package', () => {
		vi.stubEnv('PATH', bin);
		expect(() => ensureTools()).toThrow(
			"npm test needs Rust (cargo), which is not installed. Install it with:\n    curl --proto '=https' --tlsv1.2 -sSf https://sh.rustup.rs | sh -s -- -y",
		);
	});
});
