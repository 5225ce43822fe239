// Starting the compile server: without bubblewrap it refuses and names the
// package; --unsandboxed starts it anyway, with a warning.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const folders: string[] = [];
afterAll(() => folders.forEach((f) => rmSync(f, { recursive: true, force: true })));

/** A PATH with the commands the server needs but bwrap. */
function pathWithoutBwrap(): string {
	const bin = mkdtempSync(join(tmpdir(), 'no-bwrap-'));
	folders.push(bin);
	for (const command of ['sh', 'rustc', 'cargo', 'prlimit', 'setpriv', 'id']) {
		const found = spawnSync('sh', ['-c', `command -v ${command}`], { encoding: 'utf8' }).stdout.trim();
		if (found) symlinkSync(found, join(bin, command));
	}
	return bin;
}

describe('compile server start-up', { timeout: 120_000 }, () => {
	it('refuses to start without a sandbox, naming the package to install', () => {
		const started = spawnSync(process.execPath, ['scripts/task.ts', 'playground'], { encoding: 'utf8', env: { ...process.env, PATH: pathWithoutBwrap(), PORT: '0' }, timeout: 60_000 });
		expect(started.status).toBe(1);
		expect(started.stderr).toContain('The compile server runs every program inside bubblewrap, which is not installed. Install it with: sudo apt-get install -y bubblewrap');
		expect(started.stderr).toContain('npm run playground -- --unsandboxed');
	});

	it('starts unsandboxed with --unsandboxed, saying what that gives up', async () => {
		const server = spawn(process.execPath, ['scripts/task.ts', 'playground', '--unsandboxed'], { env: { ...process.env, PATH: pathWithoutBwrap(), PORT: '0' } });
		let output = '';
		server.stdout.on('data', (chunk: Buffer) => (output += chunk));
		server.stderr.on('data', (chunk: Buffer) => (output += chunk));
		try {
			await expect.poll(() => output, { timeout: 60_000 }).toContain('Compile server ready');
			expect(output).toContain('warning: running WITHOUT a sandbox (--unsandboxed)');
			expect(output).toContain('NOT sandboxed');
		} finally {
			server.kill();
		}
	});
});
