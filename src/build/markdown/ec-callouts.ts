/**
 * Numbered notes on code lines, the rendering side: an Expressive Code
 * plugin that puts a numbered badge at the end of each line listed in
 * `callout-lines` (written by ./callouts.ts). The badge's number is real
 * text ("note 1" to a screen reader, via visually hidden text), so it reads
 * in order and prints; Expressive Code's copy button copies the plain code,
 * without badges.
 */
import { definePlugin, ExpressiveCodeAnnotation, type AnnotationRenderOptions } from '@astrojs/starlight/expressive-code';
import { h } from '@astrojs/starlight/expressive-code/hast';
import { CALLOUT_LINES_KEY } from './callouts.ts';

class CalloutBadge extends ExpressiveCodeAnnotation {
	readonly number: number;

	constructor(number: number) {
		super({});
		this.number = number;
	}

	render({ nodesToTransform }: AnnotationRenderOptions) {
		const badge = h('span', { className: 'ec-callout' }, [
			h('span', { className: 'sr-only' }, ' note '),
			String(this.number),
		]);
		// A whole-line annotation receives the rendered line (div.ec-line);
		// the badge goes at the end of its code, after the last token.
		for (const line of nodesToTransform) {
			const code = line.children.find(
				(child) => child.type === 'element' && String(child.properties['className'] ?? '').includes('code'),
			);
			(code && 'children' in code ? code : line).children.push(badge);
		}
		return nodesToTransform;
	}
}

export function ecCallouts() {
	return definePlugin({
		name: 'backend-rust-callouts',
		baseStyles: `
			.ec-callout {
				display: inline-block;
				margin-inline-start: 1.5ch;
				min-width: 2.4ch;
				padding: 0 0.5ch;
				border-radius: 1em;
				text-align: center;
				font-weight: 700;
				font-size: 0.85em;
				line-height: 1.5;
				background: var(--sl-color-text-accent);
				color: var(--sl-color-black);
				user-select: none;
			}
			@media print {
				.ec-callout { border: 1px solid currentColor; background: none; color: inherit; }
			}
		`,
		hooks: {
			preprocessMetadata: ({ codeBlock }) => {
				const listed = codeBlock.metaOptions.getString(CALLOUT_LINES_KEY);
				if (!listed) return;
				listed.split(',').forEach((value, index) => {
					const line = codeBlock.getLine(Number(value) - 1);
					if (!line) throw new Error(`callout line ${value} is outside the code block`);
					line.addAnnotation(new CalloutBadge(index + 1));
				});
			},
		},
	});
}
