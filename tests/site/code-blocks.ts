/**
 * The code blocks of a built page and whether each one is verified: a Rust
 * or TOML block must carry the line that `remark-include-examples` puts
 * under every included block, and its text must be exactly what that
 * source region holds today. So a pasted block, or a stale or hand-edited
 * one, is found in the built HTML itself.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Element, Root } from 'hast';
import { select, selectAll } from 'hast-util-select';
import { extract } from '../../src/build/workspace/anchors.ts';
import { lineDiff } from '../../src/build/workspace/line-diff.ts';
import { examplesRoot } from '../../src/build/workspace/workspace.ts';

/** Languages whose blocks must come from examples/ (a diff is a lesson step of Rust or TOML). */
export const VERIFIED_LANGUAGES = ['rust', 'rs', 'toml', 'diff'];

export interface Block {
	language: string;
	/** The code as Expressive Code's copy button holds it. */
	code: string;
	/** `data-source` of the line under the block, if any. */
	source: string | undefined;
	/** `data-diff-from` of that line: the block is the step from this region to `source`. */
	diffFrom: string | undefined;
}

function nextElement(parent: Element | Root, node: Element): Element | undefined {
	const siblings = parent.children;
	for (let i = siblings.indexOf(node) + 1; i < siblings.length; i++) {
		const sibling = siblings[i]!;
		if (sibling.type === 'element') return sibling;
		if (sibling.type === 'text' && sibling.value.trim() !== '') return undefined;
	}
	return undefined;
}

function parentOf(tree: Root, target: Element): Element | Root | undefined {
	const stack: (Element | Root)[] = [tree];
	while (stack.length) {
		const node = stack.pop()!;
		for (const child of node.children) {
			if (child === target) return node;
			if (child.type === 'element') stack.push(child);
		}
	}
	return undefined;
}

export function codeBlocks(tree: Root): Block[] {
	return selectAll('div.expressive-code', tree).map((wrapper) => {
		const pre = select('pre', wrapper);
		const button = select('button[data-code]', wrapper);
		const parent = parentOf(tree, wrapper);
		const after = parent ? nextElement(parent, wrapper) : undefined;
		const isSourceLine = after?.tagName === 'p' && String(after.properties['className'] ?? '').includes('code-source');
		return {
			language: String(pre?.properties['dataLanguage'] ?? ''),
			// Expressive Code joins lines with U+007F in data-code.
			code: String(button?.properties['dataCode'] ?? '').replaceAll('\u007f', '\n'),
			source: isSourceLine ? String(after.properties['dataSource']) : undefined,
			diffFrom: isSourceLine && after.properties['dataDiffFrom'] ? String(after.properties['dataDiffFrom']) : undefined,
		};
	});
}

/** Reads `path#anchor` from examples/ the way the include step does. */
export function expectedText(source: string, root: string = examplesRoot): string {
	const [path = '', anchor] = source.split('#', 2);
	return expandTabs(extract(readFileSync(join(root, path), 'utf8'), anchor, `examples/${path}`));
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

/** What is wrong with a page's blocks; empty when all are verified. */
export function problems(blocks: Block[], page: string, read: (source: string) => string = expectedText): string[] {
	return blocks.flatMap((block, index) => {
		const where = `${page} block ${index + 1} (${block.language})`;
		if (block.source === undefined) {
			return VERIFIED_LANGUAGES.includes(block.language)
				? [`${where}: not included from examples/ (pasted code is not allowed)`]
				: [];
		}
		let expected: string;
		try {
			// A diff block copies as every line of both versions, markers removed.
			expected =
				block.diffFrom === undefined
					? read(block.source)
					: lineDiff(read(block.diffFrom), read(block.source))
							.split('\n')
							.map((line) => line.slice(1))
							.join('\n');
		} catch (error) {
			return [`${where}: its source ${block.source} cannot be read: ${(error as Error).message}`];
		}
		return expected === block.code ? [] : [`${where}: differs from examples/${block.source}`];
	});
}
