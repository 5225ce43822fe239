/**
 * Authoring the steps of a build (examples/api/steps/ and examples/cli/steps/,
 * see api/steps/README.md and src/build/workspace/steps.ts):
 *
 *   node scripts/task.ts steps new api/steps/03-json
 *                                                a step that changes nothing yet: the
 *                                                step before's manifest, renamed, and a
 *                                                link to each of its other files; added
 *                                                to the workspace members
 *   node scripts/task.ts steps own api/steps/03-json/src/users.rs
 *                                                a link replaced by a copy, to edit
 *                                                (editing through a link would change
 *                                                the step before)
 *   node scripts/task.ts steps check             the layout check tests/unit/steps.test.ts runs
 */
import { lstatSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { examplesRoot, forgetWorkspace } from '../src/build/workspace/model.ts';
import { MANIFEST, STEP_SERIES, stepFiles, stepProblems, steps } from '../src/build/workspace/steps.ts';
import { defineTask, UsageError } from './lib/task.ts';

const posix = (path: string) => path.split(sep).join('/');

/**
 * The step before's manifest for a new step: its package (and binary) named
 * for the new number, its transcripts and exercises left behind (they are
 * the step before's own), and what it says of itself rewritten for the new
 * step. The header comment's "as the … lesson leaves it: step N" and the
 * description's "step N: …" get the new number and, for the lesson and the
 * summary, the words of the new folder's slug (`json` for 03-json): the
 * step before's summary would otherwise pass for this step's unnoticed,
 * while the slug's words name the right step until the author writes more.
 */
export function nextManifest(text: string, from: number, to: number, slug: string): string {
	const pad = (n: number) => String(n).padStart(2, '0');
	const name = /^name = "(.+)-(\d{2})"$/m.exec(text);
	if (!name || Number(name[2]) !== from) throw new Error(`the step before's package name does not end in -${pad(from)}: name the new step's package yourself`);
	const topic = slug.replaceAll('-', ' ');
	const renamed = text
		.replaceAll(`${name[1]}-${pad(from)}`, `${name[1]}-${pad(to)}`)
		.replace(/^(#.*? as the ).+?( lesson leaves it: step )\d+\b/m, `$1${topic}$2${to}`)
		.replace(/^(description = ".*?\bstep )\d+: .*"$/m, `$1${to}: ${topic}."`);
	const metadata = renamed.search(/^\[\[?package\.metadata\./m);
	return metadata < 0 ? renamed : `${renamed.slice(0, metadata).trimEnd()}\n`;
}

/** Creates step `path` (<series>/NN-slug) after the last one of its series; returns its path under examples/. */
export function newStep(path: string, root: string = examplesRoot): string {
	const at = /^(.+)\/([^/]+)$/.exec(path.replace(/^examples\//, ''));
	const series = STEP_SERIES.find((name) => name === at?.[1]);
	if (!at || !series) throw new UsageError(`expected <series>/NN-slug, the series one of ${STEP_SERIES.join(', ')}: api/steps/03-json`);
	const folder = at[2]!;
	const before = steps(root, series).at(-1);
	if (!before) throw new UsageError(`no step in examples/${series} to start from: write its step 00 by hand (what cargo new writes)`);
	const number = Number(/^(\d{2})-[a-z0-9-]+$/.exec(folder)?.[1]);
	if (number !== before.number + 1) throw new UsageError(`expected a folder named ${String(before.number + 1).padStart(2, '0')}-<slug>, after ${before.dir}`);
	const dir = `${series}/${folder}`;
	for (const file of stepFiles(before, root)) {
		const target = join(root, dir, file);
		mkdirSync(dirname(target), { recursive: true });
		if (file === MANIFEST) writeFileSync(target, nextManifest(readFileSync(join(root, before.dir, file), 'utf8'), before.number, number, folder.slice(3)));
		else symlinkSync(posix(relative(dirname(target), join(root, before.dir, file))), target);
	}
	// The new member goes right after the step before, keeping the list sorted.
	const workspaceFile = join(root, 'Cargo.toml');
	const manifest = readFileSync(workspaceFile, 'utf8');
	const line = new RegExp(`^(\\s*)"${before.dir}",\\n`, 'm').exec(manifest);
	if (!line) throw new Error(`examples/Cargo.toml: no member line "${before.dir}", to add "${dir}" after`);
	writeFileSync(workspaceFile, manifest.replace(line[0], `${line[0]}${line[1]}"${dir}",\n`));
	forgetWorkspace(root);
	return dir;
}

/** Replaces the link at `path` (under examples/) by a copy of what it points to, so it can be edited. */
export function ownFile(path: string, root: string = examplesRoot): void {
	const at = join(root, path);
	if (!lstatSync(at).isSymbolicLink()) throw new UsageError(`examples/${path} is already a file of its own`);
	const text = readFileSync(at, 'utf8');
	rmSync(at);
	writeFileSync(at, text);
}

export default defineTask({
	name: 'steps',
	description: 'the builds in examples/api/steps and examples/cli/steps: start a step, own a file to change it, check the links',
	options: {},
	positionals: 'new SERIES/NN-slug | own PATH… | check',
	run(_values, [command, ...args]) {
		if (command === 'new' && args.length === 1) {
			const dir = newStep(args[0]!);
			console.log(`examples/${dir}: every file links to the step before. Lock it with cargo build in examples/, then change a file with: node scripts/task.ts steps own ${dir}/src/…`);
			return 0;
		}
		if (command === 'own' && args.length > 0) {
			for (const path of args) ownFile(path.replace(/^examples\//, ''));
			return 0;
		}
		if (command === 'check' && args.length === 0) {
			const problems = stepProblems();
			for (const problem of problems) console.error(problem);
			console.log(problems.length === 0 ? `${steps().length} steps, laid out as they should be` : `${problems.length} problems`);
			return problems.length === 0 ? 0 : 1;
		}
		throw new UsageError('expected: steps new SERIES/NN-slug (api/steps/03-json) | steps own PATH… | steps check');
	},
});
