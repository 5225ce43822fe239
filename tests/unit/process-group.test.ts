import { execFileSync, spawn } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { spawnGroup, type ProcessGroup } from '../../scripts/lib/process-group.ts';

const helper = fileURLToPath(new URL('../../scripts/lib/process-group.ts', import.meta.url));
/** Two processes besides the shell itself, one of them in the background. */
const TWO_SLEEPS = 'sleep 100 & sleep 100';

/** The live processes of group `pgid`, read with ps rather than with the helper under test. */
function members(pgid: number): { pid: number; command: string }[] {
	return execFileSync('ps', ['-e', '-o', 'pid=,pgid=,stat=,comm='], { encoding: 'utf8' })
		.trim()
		.split('\n')
		.map((line) => line.trim().split(/\s+/))
		.filter(([, group, stat]) => Number(group) === pgid && !stat!.startsWith('Z'))
		.map(([pid, , , command]) => ({ pid: Number(pid), command: command! }));
}

async function until(check: () => boolean, ms = 5_000): Promise<void> {
	const deadline = Date.now() + ms;
	while (!check()) {
		if (Date.now() > deadline) throw new Error(`still false after ${ms} ms: ${check}`);
		await new Promise((resolve) => setTimeout(resolve, 20));
	}
}

const sleeps = (pgid: number) => members(pgid).filter((m) => m.command === 'sleep').length;

const started: ProcessGroup[] = [];
const pgids: number[] = [];
afterEach(async () => {
	// A failed test must not leave its sleeps behind.
	for (const group of started.splice(0)) group.signal('SIGKILL');
	for (const pgid of pgids.splice(0)) {
		try {
			process.kill(-pgid, 'SIGKILL');
		} catch {
			// gone, as it should be
		}
	}
});

function start(script: string): ProcessGroup {
	const group = spawnGroup('sh', ['-c', script], { stdio: 'ignore' });
	started.push(group);
	pgids.push(group.child.pid!);
	return group;
}

describe('spawnGroup', () => {
	it('stop() ends every process of the group, not only the first', async () => {
		const group = start(TWO_SLEEPS);
		const pgid = group.child.pid!;
		await until(() => sleeps(pgid) === 2);
		expect(group.running()).toBe(true);
		await group.stop();
		expect(members(pgid)).toEqual([]);
		expect(group.running()).toBe(false);
	});

	it('gives SIGKILL to a group that ignores SIGTERM, once the grace period is over', async () => {
		// An ignored signal stays ignored across exec, so both sleeps ignore it too.
		const group = start(`trap '' TERM; ${TWO_SLEEPS}`);
		const pgid = group.child.pid!;
		await until(() => sleeps(pgid) === 2);
		const began = Date.now();
		await group.stop(300);
		expect(Date.now() - began).toBeGreaterThanOrEqual(300);
		expect(members(pgid)).toEqual([]);
	});

	it('also stops what outlives the first process', async () => {
		const group = start('sleep 100 & echo started');
		const pgid = group.child.pid!;
		await once(group.child, 'exit');
		await until(() => sleeps(pgid) === 1);
		expect(group.running()).toBe(true);
		await group.stop();
		expect(members(pgid)).toEqual([]);
	});

	it('a command that cannot start is a group with nothing to stop', async () => {
		const group = spawnGroup('/no/such/command', []);
		const [error] = (await once(group.child, 'error')) as [NodeJS.ErrnoException];
		expect(error.code).toBe('ENOENT');
		expect(group.running()).toBe(false);
		await expect(group.stop()).resolves.toBeUndefined();
	});
});

describe('when the process that started the group ends', () => {
	/**
	 * A Node process that starts the two sleeps in a group, prints the
	 * group's id and waits (running `setup` first); the test sends it a
	 * signal once both sleeps run.
	 */
	async function parent(setup = '') {
		const code = `import { spawnGroup } from ${JSON.stringify(helper)};
			${setup}
			const group = spawnGroup('sh', ['-c', ${JSON.stringify(TWO_SLEEPS)}], { stdio: 'ignore' });
			console.log(group.child.pid);
			setInterval(() => {}, 1000);`;
		const child = spawn(process.execPath, ['--input-type=module', '-e', code], { stdio: ['ignore', 'pipe', 'inherit'] });
		const ended = once(child, 'exit') as Promise<[number | null, NodeJS.Signals | null]>;
		const [line] = (await once(child.stdout!, 'data')) as [Buffer];
		const pgid = Number(line.toString());
		pgids.push(pgid);
		await until(() => sleeps(pgid) === 2);
		return { pgid, signal: (signal: NodeJS.Signals) => child.kill(signal), ended };
	}

	it('on exit, its groups are stopped', async () => {
		const { pgid, signal, ended } = await parent(`process.on('SIGUSR2', () => process.exit(3));`);
		signal('SIGUSR2');
		expect(await ended).toEqual([3, null]);
		expect(members(pgid)).toEqual([]);
	});

	it('on Ctrl-C, its groups are stopped and the parent still dies of the signal', async () => {
		const { pgid, signal, ended } = await parent();
		signal('SIGINT');
		expect(await ended).toEqual([null, 'SIGINT']);
		expect(members(pgid)).toEqual([]);
	});

	it('a parent that handles the signal itself exits in its own time, and its groups still go', async () => {
		const { pgid, signal, ended } = await parent(`process.on('SIGTERM', () => setTimeout(() => process.exit(5), 200));`);
		signal('SIGTERM');
		expect(await ended).toEqual([5, null]);
		expect(members(pgid)).toEqual([]);
	});
});
