import { spawnSync } from 'node:child_process';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { defineTask, dispatch, parseTaskArgs, UsageError, type Output } from '../../scripts/lib/task.ts';
import { TASKS, tasksFor } from '../../scripts/task.ts';

/** Captures what dispatch prints. */
function recorder(): Output & { outs: string[]; errs: string[] } {
	const outs: string[] = [];
	const errs: string[] = [];
	return { outs, errs, out: (text) => outs.push(text), err: (text) => errs.push(text) };
}

const bench = defineTask({
	name: 'bench',
	description: 'measures things',
	options: {
		seconds: { type: 'string', integer: { min: 1, max: 600 }, valueName: 'N', description: 'rounds of N seconds' },
		save: { type: 'boolean', description: 'write the results' },
		label: { type: 'string', description: 'a name for the run' },
	},
	run: vi.fn(() => 0),
});
const captures = defineTask({
	name: 'captures',
	description: 'checks transcripts',
	options: { update: { type: 'boolean', description: 'rewrite them' } },
	positionals: '[crate…]',
	run: vi.fn(),
});
const fake = [bench, captures];
afterEach(() => vi.clearAllMocks());

describe('dispatch', () => {
	it('lists every task, its positionals and its options, with no task or --help', async () => {
		for (const argv of [[], ['--help']]) {
			const io = recorder();
			expect(await dispatch(fake, argv, io)).toBe(0);
			const help = io.outs.join('\n');
			expect(help).toMatch(/^usage: node scripts\/task\.ts <task> \[options\]/);
			expect(help).toMatch(/^bench +measures things$/m);
			expect(help).toMatch(/^ {2}--seconds N +rounds of N seconds$/m);
			expect(help).toMatch(/^ {2}--save +write the results$/m);
			expect(help).toMatch(/^captures \[crate…\] +checks transcripts$/m);
		}
		expect(bench.run).not.toHaveBeenCalled();
	});

	it("prints one task's help for <task> --help, without running it", async () => {
		const io = recorder();
		expect(await dispatch(fake, ['captures', 'logstat', '--help'], io)).toBe(0);
		expect(io.outs.join('\n')).toMatch(/^usage: node scripts\/task\.ts captures \[options\] \[crate…\]\n\ncaptures \[crate…\] +checks transcripts\n {2}--update +rewrite them$/);
		expect(captures.run).not.toHaveBeenCalled();
	});

	it('refuses an unknown task in one line, with exit code 2, naming the tasks there are', async () => {
		const io = recorder();
		expect(await dispatch(fake, ['bnech', '--seconds', '2'], io)).toBe(2);
		expect(io.errs).toEqual(['node scripts/task.ts: no task named "bnech"; the tasks are bench, captures (node scripts/task.ts --help says what each does)']);
		expect(bench.run).not.toHaveBeenCalled();
	});

	it('refuses an unknown option in one line, with exit code 2, before running anything', async () => {
		const io = recorder();
		expect(await dispatch(fake, ['bench', '--secs', '2'], io)).toBe(2);
		expect(io.errs).toEqual(['bench: unknown option --secs (node scripts/task.ts bench --help lists its options)']);
		expect(bench.run).not.toHaveBeenCalled();
	});

	it.each([
		[['bench', '--seconds'], '--seconds needs a value (--seconds N)'],
		[['bench', '--save=yes'], '--save takes no value'],
		[['bench', 'extra'], 'unexpected argument "extra": it takes options only'],
		[['bench', '--seconds', 'two'], '--seconds wants a whole number from 1 to 600, not "two"'],
		[['bench', '--seconds', '0'], '--seconds wants a whole number from 1 to 600, not "0"'],
		[['bench', '--seconds', '1.5'], '--seconds wants a whole number from 1 to 600, not "1.5"'],
	])('refuses %j: %s', async (argv, why) => {
		const io = recorder();
		expect(await dispatch(fake, argv, io)).toBe(2);
		expect(io.errs).toEqual([`bench: ${why} (node scripts/task.ts bench --help lists its options)`]);
		expect(bench.run).not.toHaveBeenCalled();
	});

	it('hands run() typed values: a whole number as a number, a flag as a boolean, a string as given', async () => {
		const io = recorder();
		expect(await dispatch(fake, ['bench', '--seconds', '2', '--save', '--label=2'], io)).toBe(0);
		expect(bench.run).toHaveBeenCalledWith({ seconds: 2, save: true, label: '2' }, []);
		expect(io.errs).toEqual([]);
	});

	it('hands run() the positionals of a task that takes them, options anywhere', async () => {
		expect(await dispatch(fake, ['captures', 'logstat', '--update', 'hello-axum'], recorder())).toBeUndefined();
		expect(captures.run).toHaveBeenCalledWith({ update: true }, ['logstat', 'hello-axum']);
	});

	it('turns a failure into exit code 1 with its message, and a UsageError into 2', async () => {
		const failing = (error: unknown) => defineTask({ name: 'f', description: '', options: {}, run: () => Promise.reject(error) });
		let io = recorder();
		expect(await dispatch([failing(new Error('the database is gone'))], ['f'], io)).toBe(1);
		expect(io.errs).toEqual(['f: the database is gone']);
		io = recorder();
		expect(await dispatch([failing(new UsageError('--a and --b exclude each other'))], ['f'], io)).toBe(2);
		expect(io.errs).toEqual(['f: --a and --b exclude each other']);
		// A bug keeps its stack, which says where.
		io = recorder();
		expect(await dispatch([failing(new TypeError('x is undefined'))], ['f'], io)).toBe(1);
		expect(io.errs[0]).toMatch(/^TypeError: x is undefined\n\s+at /);
	});
});

describe("the project's tasks", () => {
	it('each module declares the name it is registered under, and a description', async () => {
		const tasks = await tasksFor([]);
		expect(tasks.map((t) => t.name)).toEqual(Object.keys(TASKS));
		for (const task of tasks) expect(task.description.length, task.name).toBeGreaterThan(10);
	});

	it('loads only the task it runs', async () => {
		const tasks = await tasksFor(['postgres', 'start']);
		expect(tasks.map((t) => t.name)).toEqual(['postgres']);
	});

	// Three Node processes, the last loading every task: slow on a busy machine.
	it('from the command line: a mistyped task or option stops at once with exit code 2 and one line', { timeout: 30_000 }, () => {
		const run = (...args: string[]) => spawnSync(process.execPath, ['scripts/task.ts', ...args], { encoding: 'utf8', timeout: 30_000 });
		const unknown = run('bench:nope');
		expect(unknown.status).toBe(2);
		expect(unknown.stderr.trim().split('\n')).toHaveLength(1);
		expect(unknown.stderr).toContain('no task named "bench:nope"');
		const option = run('bench', '--seconds', 'soon');
		expect(option.status).toBe(2);
		expect(option.stderr).toBe('bench: --seconds wants a whole number of at least 1, not "soon" (node scripts/task.ts bench --help lists its options)\n');
		const help = run();
		expect(help.status).toBe(0);
		for (const name of Object.keys(TASKS)) expect(help.stdout).toMatch(new RegExp(`^${name}\\b`, 'm'));
	});
});

describe('a flag that once took a value', () => {
	it('names its sibling that takes one now', () => {
		const image = defineTask({
			name: 'image',
			description: 'x',
			options: { save: { type: 'boolean', description: 'save' }, 'save-to': { type: 'string', valueName: 'FILE', description: 'save to' } },
			run() {},
		});
		expect(parseTaskArgs(image, ['--save=out.tar'])).toBe('--save takes no value (for a value: --save-to FILE)');
		expect(parseTaskArgs(image, ['--save-to', 'out.tar'])).toMatchObject({ values: { 'save-to': 'out.tar' } });
	});
});
