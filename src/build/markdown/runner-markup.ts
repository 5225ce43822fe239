/**
 * The Run panel under a runnable block, as static HTML: Run and Edit
 * buttons, the Arguments field, Standard input and the mounted sample files
 * are usable before any script loads. src/client/runner/runner-element.ts brings
 * it to life on the learner's first sign of intent (see RunnerLoader.astro).
 * An exercise's panel is the same element without the wasm: Run and Check
 * (the tests) go to the Playground.
 */
import type { Paragraph } from 'mdast';
import { h } from 'hastscript';
import type { ElementContent } from 'hast';
import { fileUrl, wasmUrl, type Runnable } from '../workspace/runnable.ts';
import type { Exercise } from '../workspace/workspace.ts';
import { joinArgs } from '../../shared/args.ts';
import { playgroundLink } from '../../shared/playground-link.ts';

/** The hast element as the mdast paragraph that carries it into the page. */
function asParagraph(panel: ReturnType<typeof h>): Paragraph {
	return { type: 'paragraph', data: { hName: panel.tagName, hProperties: panel.properties, hChildren: panel.children }, children: [] };
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

/** An exercise's panel: the starter runs and is checked against `tests` on the Playground. */
export function exerciseMarkup(exercise: Exercise, code: string, tests: string, playground: string, token?: string): Paragraph {
	return asParagraph(
		h(
			'br-runner',
			{
				className: ['runner', 'not-content'],
				dataBin: exercise.bin,
				dataSource: exercise.starter,
				dataTests: tests,
				dataPlayground: playground,
				dataPlaygroundToken: token,
				dataPagefindIgnore: '',
			},
			[
				h('div', { className: ['runner-controls'] }, [
					h('button', { type: 'button', dataAction: 'edit', className: ['runner-run'] }, ['Edit']),
					h('button', { type: 'button', dataAction: 'check' }, ['Check with the tests']),
					h('button', { type: 'button', dataAction: 'run' }, ['Run']),
					h('button', { type: 'button', dataAction: 'stop', hidden: true }, ['Stop']),
					h('button', { type: 'button', dataAction: 'reset', hidden: true }, ['Reset']),
					playgroundAnchor(code),
				]),
				h('p', { className: ['runner-edit-note'], dataEditNote: '', ariaLive: 'polite' }),
				resultArea(exercise.bin),
			],
		),
	);
}

export function runnerMarkup(r: Runnable, code: string, playground: string, token?: string): Paragraph {
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
			h('div', { className: ['runner-controls'] }, [
				h('button', { type: 'button', className: ['runner-run'], dataAction: 'run' }, ['Run']),
				h('button', { type: 'button', dataAction: 'stop', hidden: true }, ['Stop']),
				h('button', { type: 'button', dataAction: 'edit' }, ['Edit']),
				h('button', { type: 'button', dataAction: 'reset', hidden: true }, ['Reset']),
				playgroundAnchor(code),
			]),
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
