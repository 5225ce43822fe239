/**
 * The parse half of the include step: one code fence's meta string read
 * into a typed directive, with every rule checked and every file read, so
 * that rendering (./include-render.ts) only arranges what was found. Like
 * mdBook's `LinkType`, a directive says what kind of include it is; the
 * page never sees a fence whose directive failed.
 *
 *   ```rust include="getting-started/hello-axum/src/main.rs#serve"
 *   ```
 *
 * Keys (the rest of the meta is Expressive Code's, passed on untouched):
 * - `include="path#anchor"`: the region shown (the whole file without `#`).
 * - `diff-from="path#anchor"`: show the step from that region to this one.
 * - `step-diff`: the included file lies in a step of the API build
 *   (../workspace/steps.ts); show it as a diff against the same file (and
 *   anchor) of the step before, all added when that step has no such file,
 *   all removed when the step removes it.
 * - `runnable`: a binary declared runnable in its crate; a Run panel goes under it.
 * - `exercise`: an exercise's starter; an exercise panel (Edit, Run, Check) goes under it.
 * - `must-fail`: a snippet declared in its crate's [package.metadata.must-fail].
 * - `callout="text"` (repeatable): numbered notes; see ./callouts.ts.
 *
 * The meta is read with Expressive Code's own parser (MetaOptions), so the
 * syntax is exactly the one its plugins read.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { MetaOptions } from '@astrojs/starlight/expressive-code';
import type { Code } from 'mdast';
import { extract } from '../workspace/anchors.ts';
import { cratesUsed, exerciseId } from '../workspace/exercises.ts';
import { runnableFor, type Runnable } from '../workspace/runnable.ts';
import { previousStep, stepOf, type Step } from '../workspace/steps.ts';
import { crateOf, examplesRoot, type Crate, type Exercise, type MustFail } from '../workspace/workspace.ts';

export const INCLUDE_KEY = 'include';
export const MUST_FAIL_KEY = 'must-fail';
export const DIFF_FROM_KEY = 'diff-from';
export const RUNNABLE_KEY = 'runnable';
export const EXERCISE_KEY = 'exercise';
export const STEP_DIFF_KEY = 'step-diff';
/** The keys this step consumes; Expressive Code never sees them. */
const OWN_KEYS = [INCLUDE_KEY, MUST_FAIL_KEY, DIFF_FROM_KEY, RUNNABLE_KEY, EXERCISE_KEY, STEP_DIFF_KEY];

/** A region of a file under examples/, as read. */
export interface Region {
	/** Relative to examples/. */
	path: string;
	anchor: string | undefined;
	text: string;
}

/**
 * How the region is shown: as it is, as the change from another region
 * (`diff-from`), or as what a step of the API build changed in one of its
 * files (`step-diff`; `from` is undefined when the step adds the file).
 */
export type Display =
	| { kind: 'region' }
	| { kind: 'diff'; from: Region }
	| { kind: 'step'; step: Step; file: string; from: Region | undefined; removed: boolean };

/** What goes under the block besides its source line. */
export type Panel =
	| { kind: 'none' }
	| {
			kind: 'run';
			runnable: Runnable;
			/** The crate's dependencies its code uses: what a server must have to run an `in-page = false` program. */
			needs: Crate['tested'];
	  }
	| {
			kind: 'exercise';
			exercise: Exercise;
			tests: string;
			/** As `npm run exercise` takes it: `api/delete-user`. */
			id: string;
			/** The crate's dependencies its starter and tests use (none: the standard library only). */
			needs: Crate['tested'];
	  };

export interface IncludeDirective {
	/** The lesson, for error messages. */
	lesson: string;
	region: Region;
	crate: Crate;
	/** The workspace manifest itself belongs to no crate: no compiler or versions to name. */
	inCrate: boolean;
	display: Display;
	panel: Panel;
	/** Set when the region is a snippet that must fail, as its crate declares. */
	mustFail: MustFail | undefined;
	/** The fence's meta without this step's keys: what Expressive Code reads. */
	codeMeta: string;
	/** Whether the author set Expressive Code's `title`. */
	hasTitle: boolean;
}

/** Where a shown block came from, as the `data-source` attribute records it. */
export function sourceRef(path: string, anchor: string | undefined): string {
	return anchor === undefined ? path : `${path}#${anchor}`;
}

/** The fence's meta without the given keys, each other option kept as written. */
export function metaWithout(meta: MetaOptions, keys: readonly string[]): string {
	return meta
		.list()
		.filter((option) => option.key === undefined || !keys.includes(option.key))
		.map((option) => option.raw.trim())
		.join(' ');
}

/** Reads one fence; undefined when it is not an include. Throws, naming the lesson, on any broken rule. */
export function parseInclude(node: Code, lesson: string, root: string = examplesRoot): IncludeDirective | undefined {
	const meta = new MetaOptions(node.meta ?? '');
	const include = meta.getString(INCLUDE_KEY);
	if (include === undefined) return undefined;
	const fail = (why: string): never => {
		throw new Error(`${lesson}: include="${include}": ${why}`);
	};
	if (node.value.trim() !== '') fail('the fence must be empty: code comes from examples/, never pasted');
	const read = (ref: string): Region => {
		const [path = '', anchor] = ref.split('#', 2);
		if (!path || !existsSync(join(root, path))) return fail(`no file examples/${path}`);
		try {
			return { path, anchor, text: extract(readFileSync(join(root, path), 'utf8'), anchor, `examples/${path}`) };
		} catch (error) {
			return fail((error as Error).message);
		}
	};
	const flag = (key: string) => meta.getBoolean(key) === true;

	// A file the step removed is no longer there to read: it is shown from the step before.
	const [includePath = '', includeAnchor] = include.split('#', 2);
	const removed = flag(STEP_DIFF_KEY) && includePath !== '' && !existsSync(join(root, includePath));
	const region: Region = removed ? { path: includePath, anchor: includeAnchor, text: '' } : read(include);
	const crate = crateOf(join(root, region.path), root);
	const fromRef = meta.getString(DIFF_FROM_KEY);
	let display: Display = fromRef === undefined ? { kind: 'region' } : { kind: 'diff', from: read(fromRef) };
	if (flag(STEP_DIFF_KEY)) {
		if (fromRef !== undefined) fail(`${STEP_DIFF_KEY} diffs against the step before; drop ${DIFF_FROM_KEY}`);
		const inStep = stepOf(region.path, root);
		if (!inStep) return fail(`${STEP_DIFF_KEY} shows a file of a step, but examples/${region.path} is in none (steps are folders api/steps/NN-slug)`);
		const before = previousStep(inStep.step, root);
		const earlier = before && `${before.dir}/${inStep.file}`;
		const from = earlier !== undefined && existsSync(join(root, earlier)) ? read(sourceRef(earlier, region.anchor)) : undefined;
		if (removed && !from) fail(`no file examples/${region.path}, nor in the step before`);
		if (from?.text === region.text) fail(`examples/${region.path} is as ${before!.dir} left it: show it without ${STEP_DIFF_KEY}, or show a file this step changes`);
		display = { kind: 'step', step: inStep.step, file: inStep.file, from, removed };
	}

	const mustFail = crate.mustFail.find((m) => m.source === region.path);
	if (flag(MUST_FAIL_KEY) && !mustFail) fail(`marked must-fail, but ${crate.name}'s [package.metadata.must-fail] does not declare it`);
	if (!flag(MUST_FAIL_KEY) && mustFail) fail(`this snippet must fail; mark the fence must-fail so the page says so`);

	const wholeFile = region.anchor === undefined && display.kind === 'region';
	let panel: Panel = { kind: 'none' };
	if (flag(RUNNABLE_KEY)) {
		const runnable = runnableFor(region.path, root);
		if (!runnable) fail(`marked runnable, but no [[package.metadata.runnable]] of ${crate.name} is built from ${region.path}`);
		if (!wholeFile) fail('a runnable block shows its whole file, without an anchor or a diff, so the code on the page is the code that runs');
		panel = { kind: 'run', runnable: runnable!, needs: cratesUsed(region.text, crate) };
	}
	if (flag(EXERCISE_KEY)) {
		const exercise = crate.exercises.find((x) => x.starter === region.path);
		if (!exercise) fail(`marked exercise, but no [[package.metadata.exercise]] of ${crate.name} has the starter ${region.path}`);
		if (!wholeFile || panel.kind !== 'none') {
			fail('an exercise block shows its whole starter file, without an anchor, a diff or a Run panel of its own');
		}
		const tests = extract(readFileSync(join(root, exercise!.solution), 'utf8'), 'tests', `examples/${exercise!.solution}`);
		panel = { kind: 'exercise', exercise: exercise!, tests, id: exerciseId(crate, exercise!), needs: cratesUsed(`${region.text}\n${tests}`, crate) };
	}

	return {
		lesson,
		region,
		crate,
		inCrate: crate.dir !== resolve(root),
		display,
		panel,
		mustFail,
		codeMeta: metaWithout(meta, OWN_KEYS),
		hasTitle: meta.getString('title') !== undefined,
	};
}
