/**
 * The Run panel under a runnable block, as static HTML: Run and Edit
 * buttons, the Arguments field, Standard input and the mounted sample files
 * are usable before any script loads. src/client/runner/runner-element.ts brings
 * it to life on the learner's first sign of intent (see RunnerLoader.astro).
 * An exercise's panel is the same element without the wasm: Run and Check
 * (the tests) go to the Playground, and a line says which server checks it
 * and what its code needs. A local exercise (it needs PostgreSQL) has no
 * button: its panel shows the command that checks it on the learner's machine.
 * A program that cannot run in the page (`in-page = false`: threads, tokio)
 * has no wasm either: its panel says so, and why, before Run sends it away.
 */
import type { Paragraph } from 'mdast';
import { h } from 'hastscript';
import type { ElementContent } from 'hast';
import { fileUrl, wasmUrl, type Runnable } from '../workspace/runnable.ts';
import type { Exercise } from '../workspace/workspace.ts';
import { joinArgs } from '../../shared/args.ts';
import { exerciseCommand } from '../../shared/exercise-command.ts';
import { playgroundLink } from '../../shared/playground-link.ts';
import { isPublicPlayground, serverName } from '../../shared/playground-name.ts';

/** The hast element as the mdast paragraph that carries it into the page. */
function asParagraph(panel: ReturnType<typeof h>): Paragraph {
	return { type: 'paragraph', data: { hName: panel.tagName, hProperties: panel.properties, hChildren: panel.children }, children: [] };
}

/** Run, Stop, Edit and Reset, then the Playground link: the controls of a program's panel, run in the page or on a server. */
function runControls(code: string) {
	return h('div', { className: ['runner-controls'] }, [
		h('button', { type: 'button', className: ['runner-run'], dataAction: 'run' }, ['Run']),
		h('button', { type: 'button', dataAction: 'stop', hidden: true }, ['Stop']),
		h('button', { type: 'button', dataAction: 'edit' }, ['Edit']),
		h('button', { type: 'button', dataAction: 'reset', hidden: true }, ['Reset']),
		playgroundAnchor(code),
	]);
}

function playgroundAnchor(code: string) {
	return h('a', { href: playgroundLink(code), dataPlaygroundLink: '', target: '_blank', rel: 'noopener' }, ['Open in the Rust Playground']);
}

function resultArea(bin: string) {
	return h('div', { className: ['runner-result'], dataResult: '', hidden: true }, [
		h('p', { className: ['runner-status'], role: 'status', dataStatus: '' }),
		h('ul', { className: ['runner-tests'], dataTestList: '', ariaLabel: `Test results of ${bin}`, hidden: true }),
		h('pre', { className: ['runner-output'], dataOutput: '', tabIndex: 0, ariaLabel: `Output of ${bin}` }),
	]);
}

/** A crate an exercise's code uses, with the version it was tested with. */
export interface NeededCrate {
	name: string;
	version: string;
}

const listed = (crates: NeededCrate[]) => crates.map((c) => `${c.name} ${c.version}`).join(', ');

/** Where to go when the public Playground lacks one of the crates a panel's code needs. */
const missingCrateHint = () => [' The Playground picks its own crates: if one is missing, use the course\'s compile server (', h('code', ['npm run playground']), ').'];

/**
 * Which server checks the exercise and what its code needs there. The
 * public Playground's crates are its own choice, so with crates beyond the
 * standard library the learner is told where else it can be checked; the
 * panel's script says on Edit which of them that server lacks.
 */
export function checkedByNote(playground: string, needs: NeededCrate[], id: string): ReturnType<typeof h> {
	const server = serverName(playground);
	// The command downloads the crates on its first run, so "offline" holds only after that.
	const local = [' On your own machine (it works without the network once the crates are downloaded): ', h('code', [exerciseCommand(id)]), '.'];
	let what: (string | ReturnType<typeof h>)[];
	if (needs.length === 0) what = [`Check runs on ${server}; this code needs only the standard library.`];
	else if (isPublicPlayground(playground)) {
		what = [`Check runs on ${server} and needs ${listed(needs)}.`, ...missingCrateHint()];
	} else what = [`Check runs on ${server}, which has the crates this code needs: ${listed(needs)}.`];
	return h('p', { className: ['runner-needs'], dataNeeds: needs.map((c) => c.name).join(' ') }, [...what, ...local]);
}

/** An exercise's panel: the starter runs and is checked against `tests` on the Playground. */
export function exerciseMarkup(exercise: Exercise, id: string, needs: NeededCrate[], code: string, tests: string, playground: string, token?: string): Paragraph {
	return asParagraph(
		h(
			'br-runner',
			{
				className: ['runner', 'not-content'],
				dataBin: exercise.name,
				dataSource: exercise.starter,
				dataTests: tests,
				dataExerciseId: id,
				dataPlayground: playground,
				dataPlaygroundToken: token,
				dataPagefindIgnore: '',
			},
			[
				checkedByNote(playground, needs, id),
				h('div', { className: ['runner-controls'] }, [
					h('button', { type: 'button', dataAction: 'edit', className: ['runner-run'] }, ['Edit']),
					h('button', { type: 'button', dataAction: 'check' }, ['Check with the tests']),
					h('button', { type: 'button', dataAction: 'run' }, ['Run']),
					h('button', { type: 'button', dataAction: 'stop', hidden: true }, ['Stop']),
					h('button', { type: 'button', dataAction: 'reset', hidden: true }, ['Reset']),
					playgroundAnchor(code),
				]),
				h('p', { className: ['runner-edit-note'], dataEditNote: '', ariaLive: 'polite' }),
				resultArea(exercise.name),
			],
		),
	);
}

/**
 * A local exercise's panel: it needs PostgreSQL, which no page can offer, so
 * instead of a Check button it shows the command that checks it in the
 * learner's clone (a throwaway database, each test's result, a verdict).
 */
export function localExerciseMarkup(exercise: Exercise, id: string, needs: NeededCrate[]): Paragraph {
	return asParagraph(
		h('div', { className: ['runner', 'runner-local', 'not-content'], dataLocalExercise: id, dataSource: exercise.starter, dataPagefindIgnore: '' }, [
			h('p', [
				'This exercise needs PostgreSQL, so it is checked on your machine: edit ',
				h('code', [`examples/${exercise.starter}`]),
				' in your clone of the course, then run the command below. It starts a throwaway database, runs the tests against your file (or the one ',
				h('code', ['--file']),
				' names) and prints each test’s result.',
			]),
			// A plain shell block: Expressive Code renders it like every other
			// command on the site, with its Copy button.
			h('pre', [h('code', { className: ['language-sh'] }, [exerciseCommand(id)])]),
			h('p', { className: ['runner-needs'] }, [needs.length ? `Its code uses ${listed(needs)}.` : 'Its code uses the standard library only.']),
		]),
	);
}

/**
 * What the panel of a program that cannot run in the page says before Run:
 * where Run sends it, why, and the crates that server must have.
 */
export function serverRunNote(r: Runnable, playground: string, needs: NeededCrate[]): ReturnType<typeof h> {
	const server = serverName(playground);
	const crates = needs.length === 0 ? ' It needs only the standard library.' : ` It needs ${listed(needs)}.`;
	const missing = needs.length > 0 && isPublicPlayground(playground) ? missingCrateHint() : [];
	return h('p', { className: ['runner-needs'], dataNeeds: needs.map((c) => c.name).join(' '), dataServerRun: '' }, [
		`This program runs on ${server}, not in the page: ${r.why}.${crates}`,
		...missing,
	]);
}

/** A program that runs on a server: Run and Edit, and no arguments, input or files (a server takes none). */
function serverRunnerMarkup(r: Runnable, needs: NeededCrate[], code: string, playground: string, token?: string): Paragraph {
	return asParagraph(
		h(
			'br-runner',
			{
				className: ['runner', 'not-content'],
				dataBin: r.bin,
				dataSource: r.source,
				dataPlayground: playground,
				dataPlaygroundToken: token,
				dataPagefindIgnore: '',
			},
			[
				serverRunNote(r, playground, needs),
				runControls(code),
				h('p', { className: ['runner-edit-note'], dataEditNote: '', ariaLive: 'polite' }),
				resultArea(r.bin),
			],
		),
	);
}

export function runnerMarkup(r: Runnable, needs: NeededCrate[], code: string, playground: string, token?: string): Paragraph {
	if (!r.inPage) return serverRunnerMarkup(r, needs, code, playground, token);
	const id = `run-${r.example.replaceAll('/', '-')}-${r.bin}`;
	const files = Object.fromEntries(r.files.map((f) => [f, fileUrl(r, f)]));
	const panel = h(
		'br-runner',
		{
			className: ['runner', 'not-content'],
			dataWasm: wasmUrl(r),
			dataBin: r.bin,
			dataFiles: JSON.stringify(files),
			dataSource: r.source,
			dataPlayground: playground,
			dataPlaygroundToken: token,
			dataPagefindIgnore: '',
		},
		[
			runControls(code),
			h('p', { className: ['runner-edit-note'], dataEditNote: '', ariaLive: 'polite' }),
			h('div', { className: ['runner-inputs'] }, [
				h('label', { for: `${id}-args` }, ['Arguments']),
				h('input', { id: `${id}-args`, name: 'args', type: 'text', value: joinArgs(r.args), spellCheck: false, autoComplete: 'off' }),
				h('details', [
					h('summary', ['Standard input']),
					h('label', { for: `${id}-stdin`, className: ['sr-only'] }, ['Standard input']),
					h('textarea', { id: `${id}-stdin`, name: 'stdin', rows: 4, spellCheck: false }, [r.stdin]),
				]),
				...(r.files.length
					? [
							h('p', { className: ['runner-files'] }, [
								'Files in its working directory: ',
								...r.files.flatMap((f, i): ElementContent[] => [...(i ? [{ type: 'text' as const, value: ', ' }] : []), h('a', { href: fileUrl(r, f) }, [h('code', [f])])]),
							]),
						]
					: []),
			]),
			resultArea(r.bin),
		],
	);
	return asParagraph(panel);
}
