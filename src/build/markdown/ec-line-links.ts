/**
 * Links to code lines, GitHub style: every line of an included block gets
 * an id (`queue-rs-claim-L14`: the block's id, then the line as numbered in
 * the gutter) and a line number in the gutter that links to it. Opening
 * such a link scrolls to the line, and CSS highlights it (`:target`), with
 * no script; a range (`#queue-rs-claim-L12-L14`) is marked by the page's
 * small progress script (src/client/progress/progress-marks.ts).
 *
 * The numbers are drawn by CSS from `data-line`, so they are not text that
 * search indexes or a selection copies. They are links for the mouse, not stops for the keyboard
 * (tabindex -1) and not words for a screen reader (aria-hidden): a block of
 * forty lines would otherwise be forty tab stops reading "1", "2", "3".
 * The block's id comes from ./line-link-ids.ts, in the `line-links` meta.
 */
import { definePlugin } from '@astrojs/starlight/expressive-code';
import { h } from '@astrojs/starlight/expressive-code/hast';
import { LINE_LINKS_KEY } from './line-link-ids.ts';

export function ecLineLinks() {
	return definePlugin({
		name: 'backend-rust-line-links',
		baseStyles: `
			.ec-line-link {
				display: inline-block;
				box-sizing: content-box;
				min-width: 2.5ch;
				padding-inline-end: 1.5ch;
				text-align: end;
				/* gray-3 fell below 4.5:1 on the tinted lines of a diff. */
				color: var(--sl-color-gray-2);
				text-decoration: none;
				user-select: none;
				-webkit-user-select: none;
			}
			/* The number is drawn from the attribute, not written as text, so the
			   search index and a copied selection do not fill with line numbers. */
			.ec-line-link::before { content: attr(data-line); }
			/* Expressive Code makes everything in the gutter ignore the pointer. */
			.ec-line .gutter > a.ec-line-link { pointer-events: auto; cursor: pointer; }
			a.ec-line-link:hover { color: var(--sl-color-text-accent); text-decoration: underline; }
			.ec-line[id] { scroll-margin-top: calc(var(--sl-nav-height, 3.5rem) + 4rem); }
			.ec-line:target, .ec-line[data-line-marked] {
				background: var(--sl-color-accent-low);
				box-shadow: inset 3px 0 0 var(--sl-color-accent);
			}
		`,
		hooks: {
			preprocessMetadata: ({ codeBlock, addGutterElement }) => {
				const id = codeBlock.metaOptions.getString(LINE_LINKS_KEY);
				if (!id) return;
				addGutterElement({
					renderLine: ({ lineIndex }) =>
						h('a', { className: 'ec-line-link', href: `#${id}-L${lineIndex + 1}`, tabindex: '-1', ariaHidden: 'true', dataLine: String(lineIndex + 1) }),
					renderPlaceholder: () => h('span', { className: 'ec-line-link' }),
				});
			},
			postprocessRenderedLine: ({ codeBlock, lineIndex, renderData }) => {
				const id = codeBlock.metaOptions.getString(LINE_LINKS_KEY);
				if (id) renderData.lineAst.properties['id'] = `${id}-L${lineIndex + 1}`;
			},
		},
	});
}
