/**
 * The project's tasks behind one command line, `node scripts/task.ts <task>
 * [options]`: each task declares its options in node:util parseArgs form
 * (plus a line of help, and bounds for a whole number), and gets them
 * parsed and typed; a mistyped task or option stops at once with one line
 * and exit code 2, before anything slow starts.
 */
import { parseArgs, type ParseArgsOptionDescriptor } from 'node:util';

export interface TaskOption extends ParseArgsOptionDescriptor {
	/** One line for the help. */
	description: string;
	/** The value's name in the help, e.g. FILE (string options). */
	valueName?: string;
	/** The value must be a whole number within these bounds; run() gets it as a number. */
	integer?: { min: number; max?: number };
}

export type TaskOptions = Record<string, TaskOption>;

type OptionValue<O extends TaskOption> = O['type'] extends 'boolean' ? boolean : O extends { integer: object } ? number : string;

/** What run() receives: each option given, typed from its declaration. */
export type TaskValues<Os extends TaskOptions> = {
	[K in keyof Os]?: Os[K]['multiple'] extends true ? OptionValue<Os[K]>[] : OptionValue<Os[K]>;
};

export interface Task<Os extends TaskOptions = TaskOptions> {
	/** As typed after `node scripts/task.ts`; the npm script of the same name runs it. */
	name: string;
	/** One line for the list of tasks. */
	description: string;
	options: Os;
	/** What it takes after the options, for the help ("[crate…]"); without it, none is allowed. */
	positionals?: string;
	/** The exit code, or nothing to keep the one the task set (process.exitCode). */
	run(values: TaskValues<Os>, positionals: string[]): number | void | Promise<number | void>;
}

/** Infers the options' exact types, so run() sees `seconds?: number` rather than a string. */
export function defineTask<const Os extends TaskOptions>(task: Task<Os>): Task<Os> {
	return task;
}

/** A mistake on the command line found while running (two options that exclude each other, say): exit code 2. */
export class UsageError extends Error {}

export interface Output {
	out(text: string): void;
	err(text: string): void;
}

const consoleOutput: Output = { out: (text) => console.log(text), err: (text) => console.error(text) };
const COMMAND = 'node scripts/task.ts';

function optionUsage(name: string, option: TaskOption): string {
	const flag = `${option.short ? `-${option.short}, ` : ''}--${name}`;
	return option.type === 'string' ? `${flag} ${option.valueName ?? (option.integer ? 'N' : 'VALUE')}` : flag;
}

function taskHead(task: Task): string {
	return task.positionals ? `${task.name} ${task.positionals}` : task.name;
}

/** Beyond this, a name or option gets a line of its own rather than widening every row. */
const WIDEST_COLUMN = 24;

/** The descriptions start where the longest name or option of `tasks` ends, so a list reads as a table. */
function columnOf(tasks: readonly Task[]): number {
	const widths = tasks.flatMap((task) => [taskHead(task).length, ...Object.entries(task.options).map(([name, option]) => optionUsage(name, option).length + 2)]);
	return Math.min(WIDEST_COLUMN, Math.max(...widths)) + 3;
}

/** `left`, then `right` in the column at `width` (on the next line when `left` reaches it). */
function row(left: string, right: string, width: number): string {
	return left.length < width - 1 ? `${left.padEnd(width)}${right}` : `${left}\n${' '.repeat(width)}${right}`;
}

function taskLines(task: Task, width: number): string[] {
	const options = Object.entries(task.options).map(([name, option]) => row(`  ${optionUsage(name, option)}`, option.description, width));
	return [row(taskHead(task), task.description, width), ...options];
}

export function helpText(tasks: readonly Task[]): string {
	const width = columnOf(tasks);
	return [
		`usage: ${COMMAND} <task> [options]`,
		`       ${COMMAND} <task> --help`,
		'A task that is also an npm script takes the same options after --: npm run bench -- --seconds 2.',
		'',
		...tasks.flatMap((task) => taskLines(task, width)),
	].join('\n');
}

export function taskHelp(task: Task): string {
	const usage = `usage: ${COMMAND} ${task.name}${Object.keys(task.options).length ? ' [options]' : ''}${task.positionals ? ` ${task.positionals}` : ''}`;
	return [usage, '', ...taskLines(task, columnOf([task]))].join('\n');
}

/**
 * Reads `args` against the task's options; a string is what is wrong with
 * them. Parsed leniently with tokens, so each mistake gets a message of its own.
 */
export function parseTaskArgs<Os extends TaskOptions>(task: Task<Os>, args: readonly string[]): { values: TaskValues<Os>; positionals: string[] } | string {
	const declared: Record<string, ParseArgsOptionDescriptor> = {};
	for (const [name, { type, short, multiple, default: fallback }] of Object.entries(task.options)) {
		declared[name] = { type, ...(short === undefined ? {} : { short }), ...(multiple === undefined ? {} : { multiple }), ...(fallback === undefined ? {} : { default: fallback }) };
	}
	const parsed = parseArgs({ args: [...args], options: declared, strict: false, allowPositionals: true, tokens: true });
	for (const token of parsed.tokens) {
		if (token.kind === 'positional' && task.positionals === undefined) return `unexpected argument ${JSON.stringify(token.value)}: it takes options only`;
		if (token.kind !== 'option') continue;
		const option = task.options[token.name];
		if (!option) return `unknown option ${token.rawName}`;
		if (option.type === 'string' && token.value === undefined) return `${token.rawName} needs a value (${optionUsage(token.name, option)})`;
		if (option.type === 'boolean' && token.value !== undefined) {
			// A flag that once took a value may have a sibling that does now
			// (playground:image's --save=FILE became --save-to FILE): name it.
			const sibling = Object.entries(task.options).find(([name, o]) => name.startsWith(`${token.name}-`) && o.type === 'string');
			return `${token.rawName} takes no value${sibling ? ` (for a value: ${optionUsage(sibling[0], sibling[1])})` : ''}`;
		}
	}
	const values: Record<string, unknown> = {};
	for (const [name, value] of Object.entries(parsed.values)) {
		const bounds = task.options[name]!.integer;
		if (!bounds) {
			values[name] = value;
			continue;
		}
		const each = (Array.isArray(value) ? value : [value]).map(Number);
		const bad = each.findIndex((n) => !Number.isInteger(n) || n < bounds.min || (bounds.max !== undefined && n > bounds.max));
		if (bad >= 0) {
			const given = Array.isArray(value) ? value[bad] : value;
			return `--${name} wants a whole number ${bounds.max === undefined ? `of at least ${bounds.min}` : `from ${bounds.min} to ${bounds.max}`}, not ${JSON.stringify(given)}`;
		}
		values[name] = Array.isArray(value) ? each : each[0];
	}
	return { values: values as TaskValues<Os>, positionals: parsed.positionals };
}

/**
 * Runs the task `argv` names with the rest of `argv` as its options. The
 * exit code: 0 after help, 2 for a mistake on the command line, 1 when the
 * task threw, else what run() returned (undefined: what it set itself).
 */
export async function dispatch(tasks: readonly Task[], argv: readonly string[], output: Output = consoleOutput): Promise<number | undefined> {
	const [name, ...args] = argv;
	if (name === undefined || name === '--help' || name === '-h') {
		output.out(helpText(tasks));
		return 0;
	}
	const task = tasks.find((t) => t.name === name);
	if (!task) {
		output.err(`${COMMAND}: no task named ${JSON.stringify(name)}; the tasks are ${tasks.map((t) => t.name).join(', ')} (${COMMAND} --help says what each does)`);
		return 2;
	}
	// Before `--`, where a positional could be a literal "--help".
	const end = args.indexOf('--');
	if ((end < 0 ? args : args.slice(0, end)).some((arg) => arg === '--help' || arg === '-h')) {
		output.out(taskHelp(task));
		return 0;
	}
	const parsed = parseTaskArgs(task, args);
	if (typeof parsed === 'string') {
		output.err(`${task.name}: ${parsed} (${COMMAND} ${task.name} --help lists its options)`);
		return 2;
	}
	try {
		return (await task.run(parsed.values, parsed.positionals)) ?? undefined;
	} catch (error) {
		if (error instanceof UsageError) {
			output.err(`${task.name}: ${error.message}`);
			return 2;
		}
		// A plain Error is a failure the task words for its reader; anything
		// else (a TypeError…) is a bug, whose stack says where.
		output.err(error instanceof Error && error.constructor === Error ? `${task.name}: ${error.message}` : String(error instanceof Error ? error.stack : error));
		return 1;
	}
}
