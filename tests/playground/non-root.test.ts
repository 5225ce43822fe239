// The box as a user other than root makes it (a learner's laptop): one
// bwrap with a user namespace. CI runs as root, so the test drops to the
// nobody user first (setpriv) and makes the box as that user would.
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { boxed, type Isolation } from '../../scripts/playground/sandbox.ts';

const asRoot = process.getuid?.() === 0;
const NOBODY = 65534;

/** Runs a shell script in a non-root box; as root, as the nobody user. */
function inNonRootBox(script: string) {
	const isolation: Isolation = { kind: 'bubblewrap', bwrap: 'bwrap', root: false, uid: asRoot ? NOBODY : process.getuid!() };
	const box = boxed(isolation, {
		command: '/usr/bin/sh',
		args: ['-c', script],
		cwd: '/playground',
		hostCwd: '/tmp',
		env: { PATH: '/usr/bin' },
		mounts: [{ kind: 'tmpfs', dest: '/playground', sizeBytes: 4 * 1024 * 1024 }],
		limits: { memoryBytes: 256 * 1024 * 1024, processes: 16, fileBytes: 8 * 1024 * 1024, cpuSeconds: 5 },
	});
	const [command, args] = asRoot ? ['setpriv', [`--reuid=${NOBODY}`, `--regid=${NOBODY}`, '--clear-groups', box.command, ...box.args]] : [box.command, box.args];
	return spawnSync(command, args, { encoding: 'utf8', timeout: 20_000 });
}

describe('the box made by a user other than root', () => {
	it('has only its folder, /tmp and a 1 MB /dev/shm writable, no network, no user namespaces, and the process limit', () => {
		const script = [
			'for p in /x /etc/x /dev/x /usr/x; do touch $p 2>/dev/null && echo "wrote $p"; done',
			'head -c 2000000 /dev/zero > /dev/shm/big 2>/dev/null || echo "shm full"',
			'head -c 5000000 /dev/zero > /playground/big 2>/dev/null || echo "folder full"',
			'touch /tmp/ok && echo "tmp ok"',
			'unshare -Ur true 2>/dev/null || echo "no user namespace"',
			'(echo > /dev/tcp/127.0.0.1/22) 2>/dev/null || echo "no network"',
			// The forks in a subshell of their own: a shell whose fork fails
			// at the limit may give up and exit, and must not take the count
			// with it (it did, once, on a loaded CI machine). Counted with
			// builtins only, since at the limit nothing more can be forked.
			'(for i in $(seq 40); do sleep 1 & done) 2>/dev/null; n=0; for p in /proc/[0-9]*; do n=$((n + 1)); done; echo "processes: $n"',
		].join('\n');
		const result = inNonRootBox(`exec /usr/bin/bash -c '${script.replaceAll("'", "'\\''")}'`);
		expect(result.stderr).not.toMatch(/bwrap:/);
		const lines = result.stdout.trim().split('\n');
		const shown = `stdout:\n${result.stdout}\nstderr:\n${result.stderr}`;
		expect(lines.slice(0, 5), shown).toEqual(['shm full', 'folder full', 'tmp ok', 'no user namespace', 'no network']);
		// 16 processes in all, bash and bwrap's own among them.
		expect(lines[5], shown).toMatch(/^processes: \d+$/);
		expect(Number(lines[5]!.replace('processes: ', ''))).toBeLessThanOrEqual(16);
	});
});
