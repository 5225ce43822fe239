/**
 * The questions pages and scripts ask of the examples/ workspace, answered
 * from its one memoized model (./model.ts): which crate a file belongs to,
 * a crate by name, every crate, the crates a command line names.
 */
import { examplesRoot, workspace, type Crate } from './model.ts';

export { examplesRoot };
export type { Bin, Capture, Crate, Exercise, Failure, MustFail } from './model.ts';

/** The crate holding a file under examples/ (the workspace manifest is one of its own, with nothing declared). */
export function crateOf(file: string, root: string = examplesRoot): Crate {
	return workspace(root).crateOf(file);
}

/** The member crate called `name`, so a script need not know its folder; throws naming the crates when there is none. */
export function crateNamed(name: string, root: string = examplesRoot): Crate {
	return workspace(root).crateNamed(name);
}

/** Every member crate of the examples workspace, in the order Cargo.toml lists them. */
export function workspaceCrates(root: string = examplesRoot): readonly Crate[] {
	return workspace(root).crates;
}

/**
 * The crates a script's command line names (arguments that are not --flags),
 * or every crate when it names none: `node scripts/task.ts captures --update logstat`.
 */
export function cratesNamedIn(argv: readonly string[], root: string = examplesRoot): Crate[] {
	const only = argv.filter((arg) => !arg.startsWith('--'));
	const crates = workspace(root).crates;
	const unknown = only.filter((name) => !crates.some((crate) => crate.name === name));
	if (unknown.length > 0) throw new Error(`no crate named ${unknown.join(', ')} in examples/`);
	return crates.filter((crate) => only.length === 0 || only.includes(crate.name));
}
