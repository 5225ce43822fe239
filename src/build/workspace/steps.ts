/**
 * A part as a build the learner follows: examples/api/steps/NN-slug/
 * are the API's service as each lesson leaves it (examples/cli/steps/ the
 * same for the CLI part's logstat), every one a crate of the
 * workspace that compiles and passes its tests; step 00 is what `cargo new`
 * writes, so that the first lesson shows its changes to it. A step holds as regular
 * files only what it changes; every file it keeps as it was is a committed
 * relative symbolic link to the same file of the step before
 * (`src/main.rs -> ../../01-routes/src/main.rs`). Cargo, rustfmt and
 * Node's file reads follow the links, so a step builds like any crate, and
 * a fix to an early file flows into every later step that keeps it.
 *
 * This module answers what the pages and the checks ask: the steps in
 * order, a step's files, what a step changed since the one before
 * (`changedFiles`), and what breaks the layout (`stepProblems`).
 *
 * What counts as the learner's project: every file of the step except its
 * saved transcripts (captures/), its exercises (exercises/), SQLx's
 * generated query data (.sqlx/, written by cargo sqlx prepare, never by the
 * learner's hand) and the sample logs its tests read (samples/, one folder
 * the CLI steps link whole), which are the course's, not the service's. A step's Cargo.toml is always its own
 * file (each package needs its own name), so it is compared by its `deps`
 * region, the part the learner writes.
 */
import { existsSync, lstatSync, readdirSync, readFileSync, readlinkSync, statSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { extract } from './anchors.ts';
import { examplesRoot, workspace } from './model.ts';

/**
 * Where the steps live, relative to examples/: one folder per build the
 * learner follows (the API part's service, the CLI part's logstat). Each is
 * numbered from 00 on its own, and a step's "before" is in its own series.
 */
export const STEP_SERIES = ['api/steps', 'cli/steps'] as const;
/** A step's folder name: its two-digit number, then what it adds. */
const STEP_NAME = /^(\d{2})-[a-z0-9]+(?:-[a-z0-9]+)*$/;
/** Top-level folders of a step that are not part of the learner's service. */
const NOT_THE_SERVICE = ['captures', 'exercises', '.sqlx', 'samples'];
/** A step's manifest, compared (and shown) by this region only. */
export const MANIFEST = 'Cargo.toml';
export const MANIFEST_REGION = 'deps';

export interface Step {
	/** Relative to examples/, with forward slashes: `api/steps/02-extractors`. */
	dir: string;
	/** From 0, as the folder name says. */
	number: number;
	/** The build it belongs to, one of STEP_SERIES: `api/steps`. */
	series: string;
}

/** How a file of a step differs from the step before. */
export interface Change {
	/** Relative to the step. */
	file: string;
	kind: 'added' | 'changed' | 'removed';
}

const posix = (path: string) => path.split(sep).join('/');

/**
 * The steps of one series, in order, or of every series, one series after
 * the other. Folders not named NN-slug are not steps (the README).
 */
export function steps(root: string = examplesRoot, series?: string): Step[] {
	return (series === undefined ? STEP_SERIES : [series]).flatMap((name) => {
		const top = join(root, name);
		if (!existsSync(top)) return [];
		return readdirSync(top, { withFileTypes: true })
			.filter((entry) => entry.isDirectory() && STEP_NAME.test(entry.name))
			.map((entry) => ({ dir: `${name}/${entry.name}`, number: Number(STEP_NAME.exec(entry.name)![1]), series: name }))
			.sort((a, b) => a.number - b.number);
	});
}

/** The step at `dir` (relative to examples/); throws naming the steps there are. */
export function stepAt(dir: string, root: string = examplesRoot): Step {
	const all = steps(root);
	const step = all.find((s) => s.dir === dir.replace(/\/$/, ''));
	if (!step) throw new Error(`no step ${dir} (the steps: ${all.map((s) => s.dir).join(', ') || 'none'})`);
	return step;
}

/** The step a path under examples/ lies in, and the path inside it; undefined outside the steps. */
export function stepOf(path: string, root: string = examplesRoot): { step: Step; file: string } | undefined {
	const step = steps(root).find((s) => path.startsWith(`${s.dir}/`));
	return step && { step, file: path.slice(step.dir.length + 1) };
}

/** The step before `step` in its series, or undefined for the first. */
export function previousStep(step: Step, root: string = examplesRoot): Step | undefined {
	const all = steps(root, step.series);
	return all[all.findIndex((s) => s.dir === step.dir) - 1];
}

/** The learner's files of a step, relative to it, sorted: regular files and links alike. */
export function stepFiles(step: Step, root: string = examplesRoot): string[] {
	const base = join(root, step.dir);
	const walk = (dir: string): string[] =>
		readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
			const path = join(dir, entry.name);
			// A step may link a course folder whole (the CLI's samples/ -> ../../logstat/samples).
			if (dir === base && NOT_THE_SERVICE.includes(entry.name)) return [];
			if (entry.isDirectory()) return walk(path);
			return [posix(relative(base, path))];
		});
	return walk(base).sort();
}

/** The region of a step's file that the pages show and the steps compare: a manifest's `deps`, any other file whole. */
export function shownAnchor(file: string): string | undefined {
	return file === MANIFEST ? MANIFEST_REGION : undefined;
}

/** The text of a step's file as compared with the step before (links followed, anchor markers left out). */
export function comparedText(step: Step, file: string, root: string = examplesRoot): string {
	const path = `${step.dir}/${file}`;
	return extract(readFileSync(join(root, path), 'utf8'), shownAnchor(file), `examples/${path}`);
}

/** What `step` added, changed and removed since the step before; the first step adds every file. */
export function changedFiles(step: Step, root: string = examplesRoot): Change[] {
	const before = previousStep(step, root);
	const now = stepFiles(step, root);
	const then = before ? stepFiles(before, root) : [];
	const changes: Change[] = [];
	for (const file of now) {
		if (!then.includes(file)) changes.push({ file, kind: 'added' });
		else if (comparedText(step, file, root) !== comparedText(before!, file, root)) changes.push({ file, kind: 'changed' });
	}
	for (const file of then) if (!now.includes(file)) changes.push({ file, kind: 'removed' });
	return changes.sort((a, b) => a.file.localeCompare(b.file));
}

/**
 * What is wrong with the steps' layout, one line each; empty when nothing is:
 * - a link must point to the same file of the step before, relatively (so a
 *   clone anywhere resolves it, and every step reads from the one before);
 * - a link must resolve (no dangling link after a file was renamed);
 * - a link names a file, never a folder;
 * - a regular file identical to the step before's is a copy: make it a link,
 *   so a fix to it reaches every later step;
 * - the manifest is a regular file with a `deps` region;
 * - every step is a member of the workspace, numbered from 00 without a gap
 *   in its series.
 */
export function stepProblems(root: string = examplesRoot): string[] {
	const problems: string[] = [];
	const members = new Set(workspace(root).crates.map((crate) => crate.path));
	for (const series of STEP_SERIES) steps(root, series).forEach((step, index) => {
		const where = (file: string) => `examples/${step.dir}/${file}`;
		if (step.number !== index) problems.push(`examples/${step.dir}: expected step ${String(index).padStart(2, '0')} here: steps are numbered from 00 without a gap`);
		if (!members.has(step.dir)) problems.push(`examples/${step.dir}: not a member of the workspace: add "${step.dir}" to members in examples/Cargo.toml`);
		const before = previousStep(step, root);
		for (const file of stepFiles(step, root)) {
			const path = join(root, step.dir, file);
			if (lstatSync(path).isSymbolicLink()) {
				const target = readlinkSync(path);
				const expected = before && posix(relative(dirname(path), join(root, before.dir, file)));
				if (!before) problems.push(`${where(file)}: a link in the first step, which has no step before it to link to`);
				else if (target !== expected) problems.push(`${where(file)}: links to ${target}; an unchanged file links to the same file of the step before, ${expected}`);
				else if (!existsSync(path)) problems.push(`${where(file)}: links to ${target}, which does not exist`);
				else if (statSync(path).isDirectory()) problems.push(`${where(file)}: links to a folder; link each file instead`);
				if (file === MANIFEST) problems.push(`${where(file)}: must be a file of its own (its package name is the step's)`);
				continue;
			}
			if (file === MANIFEST) {
				try {
					comparedText(step, file, root);
				} catch (error) {
					problems.push(`${where(file)}: ${(error as Error).message}: the dependencies the learner writes go in a "# ANCHOR: ${MANIFEST_REGION}" region`);
				}
			} else if (before && existsSync(join(root, before.dir, file)) && readFileSync(path, 'utf8') === readFileSync(join(root, before.dir, file), 'utf8')) {
				problems.push(`${where(file)}: identical to ${before.dir}/${file}: make it a link (in examples/${step.dir}: ln -sf ${posix(relative(dirname(path), join(root, before.dir, file)))} ${file})`);
			}
		}
	});
	return problems;
}
