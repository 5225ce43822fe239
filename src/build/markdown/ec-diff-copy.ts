/**
 * Copy on a step's diff copies the region it shows (a whole file, or a
 * manifest's #deps) as the step leaves it. Expressive
 * Code's Copy button copies the lines its block shows, which for a diff are
 * the removed lines and the added ones together, with a `⋯ N unchanged
 * lines` line for each run left out (./diff-snip.ts): a file that does not
 * compile. The include step passes the region in the fence's `copy` meta
 * (URI-encoded, so newlines and quotes survive the meta string), and this
 * Expressive Code plugin puts it on the block's Copy button instead.
 *
 * The button's data-code is Expressive Code's own: newlines as U+007F, which
 * its copy script turns back. tests/site/code-blocks.test.ts reads every
 * diff's button back against the file, so a change there fails the tests.
 */
import { definePlugin } from '@astrojs/starlight/expressive-code';
import type { Element, ElementContent } from '@astrojs/starlight/expressive-code/hast';

export const COPY_KEY = 'copy';

/** The `copy` meta for a block whose Copy button should copy `text`. */
export function copyMeta(text: string): string {
	return `${COPY_KEY}="${encodeURIComponent(text)}"`;
}

function copyButtons(node: Element | ElementContent, found: Element[] = []): Element[] {
	if (node.type !== 'element') return found;
	if (node.tagName === 'button' && node.properties['dataCode'] !== undefined) found.push(node);
	for (const child of node.children) copyButtons(child, found);
	return found;
}

export function ecDiffCopy() {
	return definePlugin({
		name: 'backend-rust-diff-copy',
		hooks: {
			postprocessRenderedBlock: ({ codeBlock, renderData }) => {
				const encoded = codeBlock.metaOptions.getString(COPY_KEY);
				if (encoded === undefined) return;
				const buttons = copyButtons(renderData.blockAst);
				if (buttons.length !== 1) throw new Error(`a diff block with copy meta has ${buttons.length} Copy buttons, not one`);
				buttons[0]!.properties['dataCode'] = decodeURIComponent(encoded).replace(/\n/g, '\u007f');
			},
		},
	});
}
