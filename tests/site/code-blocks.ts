/**
 * The code blocks of a built page and whether each one is verified: a Rust
 * or TOML block must sit in the wrapper that `remark-include-examples` puts
 * around every included block (`div[data-example]`), the code it carries
 * (`data-code`) must be exactly what that source region holds today, and
 * the lines the block shows must be that code too (or, for a lesson step,
 * the diff between the two regions). So a pasted block, or a stale or
 * hand-edited one, is found in the built HTML itself.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Element, ElementContent, Root } from 'hast';
import { select, selectAll } from 'hast-util-select';
import { extract } from '../../src/build/workspace/anchors.ts';
import { snipCount } from '../../src/build/markdown/diff-snip.ts';
import { lineDiff } from '../../src/build/workspace/line-diff.ts';
import { examplesRoot } from '../../src/build/workspace/workspace.ts';

/** Languages whose blocks must come from examples/ (a diff is a lesson step of Rust or TOML). */
export const VERIFIED_LANGUAGES = ['rust', 'rs', 'toml', 'diff'];

export interface Block {
	language: string;
	/** The lines the block shows, joined with newlines (a diff's markers are not shown). */
	code: string;
	/** `data-code` of the wrapper: the code as it runs, if the block is included. */
	data: string | undefined;
	/** `data-source` of the wrapper, if any. */
	source: string | undefined;
	/** `data-diff-from` of the wrapper: the block is the step from this region to `source` ('' from nothing: a step's new file). */
	diffFrom: string | undefined;
	/** What the block's Copy button copies (Expressive Code keeps newlines as U+007F). */
	copy: string | undefined;
}

/** A node's text, without the numbered note badges (./ec-callouts.ts) drawn at the end of a line. */
function shownText(node: ElementContent): string {
	if (node.type === 'text') return node.value;
	if (node.type !== 'element' || String(node.properties['className'] ?? '').includes('ec-callout')) return '';
	return node.children.map(shownText).join('');
}

export function codeBlocks(tree: Root): Block[] {
	const wrapped = new Map<Element, Element>();
	for (const example of selectAll('[data-example]', tree)) {
		for (const block of selectAll(':scope > div.expressive-code', example)) wrapped.set(block, example);
	}
	return selectAll('div.expressive-code', tree).map((block) => {
		const pre = select('pre', block);
		const lines = selectAll('code > .ec-line > .code', block).map((line) => shownText(line).replace(/\n$/, ''));
		const example = wrapped.get(block);
		const data = (name: string) => (example?.properties[name] === undefined ? undefined : String(example.properties[name]));
		const copyButton = select('.copy button[data-code]', block);
		return {
			language: String(pre?.properties['dataLanguage'] ?? ''),
			code: lines.join('\n'),
			data: data('dataCode'),
			source: data('dataSource'),
			diffFrom: data('dataDiffFrom'),
			copy: copyButton ? String(copyButton.properties['dataCode']).replace(/\u007f/g, '\n') : undefined,
		};
	});
}

/** Reads `path#anchor` from examples/ the way the include step does. */
export function regionText(source: string, root: string = examplesRoot): string {
	const [path = '', anchor] = source.split('#', 2);
	return extract(readFileSync(join(root, path), 'utf8'), anchor, `examples/${path}`);
}

/** Expressive Code shows a tab as spaces to the next stop (its tabWidth, 2): so must the comparison. */
export function expandTabs(text: string, width = 2): string {
	return text
		.split('\n')
		.map((line) => {
			let out = '';
			for (const char of line) out += char === '\t' ? ' '.repeat(width - (out.length % width)) : char;
			return out;
		})
		.join('\n');
}

/**
 * Whether `shown` (a diff block's lines, markers removed) is `diff` line for
 * line, except that a line standing for a run of unchanged lines
 * (src/build/markdown/diff-snip.ts) may take the place of that many lines,
 * all of them unchanged ones.
 */
export function showsDiff(shown: string, diff: string): boolean {
	const want = diff.split('\n');
	let at = 0;
	for (const line of shown.split('\n')) {
		const count = snipCount(line);
		const run = count === undefined ? [] : want.slice(at, at + count);
		if (count !== undefined && run.length === count && run.every((l) => l.startsWith(' '))) {
			at += count;
			continue;
		}
		if (want[at]?.slice(1) !== line) return false;
		at++;
	}
	return at === want.length;
}

/** What is wrong with a page's blocks; empty when all are verified. */
export function problems(blocks: Block[], page: string, read: (source: string) => string = regionText): string[] {
	return blocks.flatMap((block, index) => {
		const where = `${page} block ${index + 1} (${block.language})`;
		if (block.source === undefined) {
			return VERIFIED_LANGUAGES.includes(block.language)
				? [`${where}: not included from examples/ (pasted code is not allowed)`]
				: [];
		}
		let region: string;
		let matches: boolean;
		try {
			// A file a step removed is shown from the step before, all removed: it has no code now.
			const removed = block.diffFrom && block.data === '' && !existsSync(join(examplesRoot, block.source.split('#')[0]!));
			region = removed ? '' : read(block.source);
			matches =
				block.diffFrom === undefined
					? expandTabs(region) === block.code
					: showsDiff(block.code, lineDiff(block.diffFrom === '' ? '' : expandTabs(read(block.diffFrom)), expandTabs(region)));
		} catch (error) {
			return [`${where}: its source ${block.source} cannot be read: ${(error as Error).message}`];
		}
		// A diff's Copy gives the file as the step leaves it (ec-diff-copy.ts), not the lines it shows.
		const copyWrong = block.diffFrom !== undefined && region !== '' && block.copy !== region;
		return [
			...(matches ? [] : [`${where}: differs from examples/${block.source}`]),
			...(copyWrong ? [`${where}: its Copy button does not copy examples/${block.source}`] : []),
			...(region === block.data ? [] : [`${where}: the code its panel would run differs from examples/${block.source}`]),
		];
	});
}
