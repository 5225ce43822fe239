import { appendFileSync, lstatSync, readFileSync, readlinkSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { changedFiles, comparedText, previousStep, stepAt, stepFiles, stepOf, stepProblems, steps } from '../../src/build/workspace/steps.ts';
import { forgetWorkspace } from '../../src/build/workspace/model.ts';
import { newStep, nextManifest, ownFile } from '../../scripts/steps.ts';
import { LIB_02, STEP_DIRS, stepWorkspace, type StepWorkspace } from './step-workspace.ts';

describe('the API build in examples/api/steps', () => {
	it('has its steps in order, each a workspace member, linked as the layout requires', () => {
		// The check `npm test` runs on the real steps: no dangling link, links
		// only to the same file of the step before, no copy of an unchanged file.
		expect(steps().map((s) => s.dir)).toEqual(expect.arrayContaining(['api/steps/00-cargo-new', 'api/steps/01-routes', 'api/steps/02-extractors']));
		expect(stepProblems()).toEqual([]);
	});

	it('shares what a step does not change: step 2 keeps main.rs as a link', () => {
		const two = stepAt('api/steps/02-extractors');
		expect(changedFiles(two).map((c) => c.file)).not.toContain('src/main.rs');
		expect(stepFiles(two)).toContain('src/main.rs');
	});
});

describe('the step model', () => {
	let ws: StepWorkspace;
	beforeEach(() => {
		ws = stepWorkspace();
	});
	afterEach(() => ws.remove());

	it('orders the NN-slug folders and ignores anything else there', () => {
		expect(steps(ws.root)).toEqual([
			{ dir: STEP_DIRS[0], number: 0, series: 'api/steps' },
			{ dir: STEP_DIRS[1], number: 1, series: 'api/steps' },
			{ dir: STEP_DIRS[2], number: 2, series: 'api/steps' },
		]);
		expect(previousStep(stepAt(STEP_DIRS[1], ws.root), ws.root)?.dir).toBe(STEP_DIRS[0]);
		expect(previousStep(stepAt(STEP_DIRS[0], ws.root), ws.root)).toBeUndefined();
	});

	it('numbers each build (series) on its own: a step 00 of the CLI build follows no API step', () => {
		ws.write('cli/steps/00-new/src/main.rs', 'fn main() {}\n');
		ws.write('cli/steps/01-args/src/main.rs', 'fn main() { println!("args"); }\n');
		expect(steps(ws.root).map((s) => s.dir)).toEqual([...STEP_DIRS, 'cli/steps/00-new', 'cli/steps/01-args']);
		expect(steps(ws.root, 'cli/steps').map((s) => s.number)).toEqual([0, 1]);
		expect(previousStep(stepAt('cli/steps/00-new', ws.root), ws.root)).toBeUndefined();
		expect(previousStep(stepAt('cli/steps/01-args', ws.root), ws.root)?.dir).toBe('cli/steps/00-new');
		expect(stepOf('cli/steps/01-args/src/main.rs', ws.root)?.file).toBe('src/main.rs');
	});

	it('names the steps there are when asked for one that does not exist', () => {
		expect(() => stepAt('api/steps/09-nope', ws.root)).toThrow('no step api/steps/09-nope (the steps: api/steps/00-start, api/steps/01-grow, api/steps/02-trim)');
	});

	it('finds the step of a path and the path inside it', () => {
		expect(stepOf(`${STEP_DIRS[1]}/src/lib.rs`, ws.root)).toEqual({ step: { dir: STEP_DIRS[1], number: 1, series: 'api/steps' }, file: 'src/lib.rs' });
		expect(stepOf('api/users-api/src/lib.rs', ws.root)).toBeUndefined();
	});

	it("lists a step's files, links included, transcripts, exercises and SQLx's query data left out", () => {
		ws.write(`${STEP_DIRS[1]}/exercises/x/starter.rs`, 'fn main() {}\n');
		ws.write(`${STEP_DIRS[1]}/captures/run.txt`, '$ cargo run\n');
		ws.write(`${STEP_DIRS[1]}/.sqlx/query-0123.json`, '{}\n');
		expect(stepFiles(stepAt(STEP_DIRS[1], ws.root), ws.root)).toEqual(['Cargo.toml', 'src/extra.rs', 'src/lib.rs', 'src/main.rs']);
	});

	it('reads a linked file through its links, two steps back', () => {
		expect(comparedText(stepAt(STEP_DIRS[2], ws.root), 'src/lib.rs', ws.root)).toBe(LIB_02.trimEnd());
	});

	it('reports what each step adds, changes and removes; the first adds everything', () => {
		const changes = (n: number) => changedFiles(stepAt(STEP_DIRS[n]!, ws.root), ws.root);
		expect(changes(0)).toEqual([
			{ file: 'Cargo.toml', kind: 'added' },
			{ file: 'src/lib.rs', kind: 'added' },
			{ file: 'src/main.rs', kind: 'added' },
		]);
		// Step 2's manifest differs only outside its deps region (the name): unchanged.
		expect(changes(1)).toEqual([
			{ file: 'src/extra.rs', kind: 'added' },
			{ file: 'src/lib.rs', kind: 'changed' },
		]);
		expect(changes(2)).toEqual([
			{ file: 'Cargo.toml', kind: 'changed' },
			{ file: 'src/extra.rs', kind: 'removed' },
		]);
	});
});

describe('the steps check', () => {
	let ws: StepWorkspace;
	beforeEach(() => {
		ws = stepWorkspace();
	});
	afterEach(() => ws.remove());
	const problems = () => {
		forgetWorkspace(ws.root);
		return stepProblems(ws.root);
	};

	it('passes the layout as built', () => {
		expect(problems()).toEqual([]);
	});

	it('refuses a link that skips the step before', () => {
		ws.link(`${STEP_DIRS[2]}/src/main.rs`, '../../00-start/src/main.rs');
		expect(problems()).toEqual([
			`examples/${STEP_DIRS[2]}/src/main.rs: links to ../../00-start/src/main.rs; an unchanged file links to the same file of the step before, ../../01-grow/src/main.rs`,
		]);
	});

	it('refuses a dangling link', () => {
		rmSync(join(ws.root, STEP_DIRS[1], 'src/extra.rs'));
		ws.link(`${STEP_DIRS[2]}/src/extra.rs`, '../../01-grow/src/extra.rs');
		expect(problems()).toEqual([`examples/${STEP_DIRS[2]}/src/extra.rs: links to ../../01-grow/src/extra.rs, which does not exist`]);
	});

	it('refuses a copy of an unchanged file, saying how to link it instead', () => {
		ws.write(`${STEP_DIRS[2]}/src/main.rs`, 'fn main() {}\n');
		expect(problems()).toEqual([
			`examples/${STEP_DIRS[2]}/src/main.rs: identical to ${STEP_DIRS[1]}/src/main.rs: make it a link (in examples/${STEP_DIRS[2]}: ln -sf ../../01-grow/src/main.rs src/main.rs)`,
		]);
	});

	it('refuses a link in the first step, and a linked manifest', () => {
		ws.link(`${STEP_DIRS[0]}/src/other.rs`, '../../01-grow/src/extra.rs');
		ws.link(`${STEP_DIRS[2]}/Cargo.toml`, '../01-grow/Cargo.toml');
		expect(problems()).toEqual([
			`examples/${STEP_DIRS[0]}/src/other.rs: a link in the first step, which has no step before it to link to`,
			`examples/${STEP_DIRS[2]}/Cargo.toml: must be a file of its own (its package name is the step's)`,
		]);
	});

	it('requires the deps region in a manifest', () => {
		ws.write(`${STEP_DIRS[1]}/Cargo.toml`, '[package]\nname = "step-02"\nversion = "0.1.0"\n');
		expect(problems()).toEqual([
			`examples/${STEP_DIRS[1]}/Cargo.toml: examples/${STEP_DIRS[1]}/Cargo.toml: no anchor "deps" (anchors in this file: none): the dependencies the learner writes go in a "# ANCHOR: deps" region`,
		]);
	});

	it('requires every step to be a member, numbered without a gap', () => {
		ws.write('api/steps/04-more/Cargo.toml', '[package]\nname = "step-04"\n# ANCHOR: deps\n# ANCHOR_END: deps\n');
		expect(problems()).toEqual([
			'examples/api/steps/04-more: expected step 03 here: steps are numbered from 00 without a gap',
			'examples/api/steps/04-more: not a member of the workspace: add "api/steps/04-more" to members in examples/Cargo.toml',
		]);
	});
});

describe('authoring a step (node scripts/task.ts steps)', () => {
	let ws: StepWorkspace;
	beforeEach(() => {
		ws = stepWorkspace();
	});
	afterEach(() => ws.remove());

	it('starts a step that links every file of the step before, its manifest renamed, as a member', () => {
		const dir = newStep('api/steps/03-more', ws.root);
		expect(dir).toBe('api/steps/03-more');
		expect(readlinkSync(join(ws.root, dir, 'src/lib.rs'))).toBe('../../02-trim/src/lib.rs');
		expect(readFileSync(join(ws.root, dir, 'Cargo.toml'), 'utf8')).toContain('name = "step-03"');
		expect(readFileSync(join(ws.root, 'Cargo.toml'), 'utf8')).toContain('"api/steps/03-more"');
		expect(changedFiles(stepAt(dir, ws.root), ws.root)).toEqual([]);
		// What its first cargo build does for a real step.
		appendFileSync(join(ws.root, 'Cargo.lock'), '\n[[package]]\nname = "step-03"\nversion = "0.1.0"\ndependencies = ["serde"]\n');
		expect(stepProblems(ws.root)).toEqual([]);
	});

	it('refuses a step number that does not follow the last, a series that is none, and a series with no step 00', () => {
		expect(() => newStep('api/steps/05-more', ws.root)).toThrow('expected a folder named 03-<slug>, after api/steps/02-trim');
		expect(() => newStep('03-more', ws.root)).toThrow('expected <series>/NN-slug, the series one of api/steps, cli/steps: api/steps/03-json');
		expect(() => newStep('web/steps/01-more', ws.root)).toThrow('expected <series>/NN-slug');
		expect(() => newStep('cli/steps/01-args', ws.root)).toThrow('no step in examples/cli/steps to start from: write its step 00 by hand');
	});

	it('owns a linked file as a copy, which the check flags until it changes', () => {
		ownFile(`${STEP_DIRS[2]}/src/lib.rs`, ws.root);
		expect(lstatSync(join(ws.root, STEP_DIRS[2], 'src/lib.rs')).isSymbolicLink()).toBe(false);
		expect(stepProblems(ws.root)).toEqual([expect.stringContaining(`examples/${STEP_DIRS[2]}/src/lib.rs: identical to ${STEP_DIRS[1]}/src/lib.rs`)]);
		expect(() => ownFile(`${STEP_DIRS[2]}/src/lib.rs`, ws.root)).toThrow('is already a file of its own');
	});

	it("renames the package and binary, leaving the step before's transcripts and exercises behind", () => {
		const manifest = '[package]\nname = "api-step-04"\n\n[[bin]]\nname = "api-step-04"\n\n[[package.metadata.captures]]\nfile = "captures/x.txt"\n';
		expect(nextManifest(manifest, 4, 5, 'more')).toBe('[package]\nname = "api-step-05"\n\n[[bin]]\nname = "api-step-05"\n');
		expect(() => nextManifest('[package]\nname = "other"\n', 4, 5, 'more')).toThrow('does not end in -04');
	});

	it("rewrites the step before's number, lesson and summary for the new step, and only there", () => {
		// Laid out as a real step's manifest (examples/api/steps/02-extractors/Cargo.toml).
		const manifest = [
			'# The users API as the extractors lesson leaves it: step 2 of the build that',
			'# ends with examples/api/users-api.',
			'[package]',
			'name = "users-api-step-02"',
			'description = "Build an API, step 2: path, query, body and state extractors."',
			'',
			'# ANCHOR: deps',
			'# the deps of step 2 stay as they were',
			'# ANCHOR_END: deps',
			'',
		].join('\n');
		expect(nextManifest(manifest, 2, 3, 'json-bodies')).toBe(
			[
				'# The users API as the json bodies lesson leaves it: step 3 of the build that',
				'# ends with examples/api/users-api.',
				'[package]',
				'name = "users-api-step-03"',
				'description = "Build an API, step 3: json bodies."',
				'',
				'# ANCHOR: deps',
				'# the deps of step 2 stay as they were',
				'# ANCHOR_END: deps',
				'',
			].join('\n'),
		);
	});
});
