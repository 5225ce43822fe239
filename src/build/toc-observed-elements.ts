/**
 * An Astro integration that makes Starlight's table of contents find the
 * elements it watches with src/client/toc/observed-elements.ts instead of
 * its querySelectorAll over the whole page (that file says why: 290 ms of
 * main thread, twice, on the longest lessons).
 *
 * Starlight does not export its TOC element, and overriding its two
 * components would mean copying them whole, so the one expression is
 * replaced in its script as Vite loads it. The four selectors are matched
 * exactly, whitespace aside: after a Starlight upgrade that changes any of
 * them, or moves the script so that nothing was replaced, the build stops
 * and says so, rather than shipping a different set of elements unnoticed.
 */
import type { AstroIntegration } from 'astro';
import { fileURLToPath } from 'node:url';

const SCRIPT = /\/@astrojs\/starlight\/dist\/components-internals\/TableOfContents\/starlight-toc\.js$/;

/** Starlight 0.42's four selectors, in its order (tests/browser/toc-observed.test.ts evaluates them). */
export const STARLIGHT_SELECTORS = [
	'`main :where(${this.tocHeadingSelector})`',
	'`main :where(${this.tocHeadingSelector}, .sl-heading-wrapper) ~ *:not(:has(${this.tocHeadingSelector}))`',
	'`main .sl-markdown-content > *:not(:has(${this.tocHeadingSelector}))`',
	'`main > *:not(:has(${this.tocHeadingSelector}))`',
];

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** `const toObserve = document.querySelectorAll([ …the four… ].join());`, any whitespace between the parts. */
const QUERY = new RegExp(`const toObserve = document\\.querySelectorAll\\(\\[\\s*${STARLIGHT_SELECTORS.map(escape).join(',\\s*')}\\s*\\]\\.join\\(\\)\\);`, 'g');
const observedElements = fileURLToPath(new URL('../client/toc/observed-elements.ts', import.meta.url));

/** Starlight's TOC script with the query replaced; throws if the query is not found exactly once. */
export function withObservedElements(code: string, id: string): string {
	const matches = code.match(QUERY) ?? [];
	if (matches.length !== 1) {
		throw new Error(`${id}: expected Starlight's table-of-contents query once, found it ${matches.length} times; update src/build/toc-observed-elements.ts for this Starlight version`);
	}
	return `import { observedElements } from ${JSON.stringify(observedElements)};\n${code.replace(QUERY, 'const toObserve = observedElements(this.tocHeadingSelector);')}`;
}

export function tocObservedElements(): AstroIntegration {
	let replaced = 0;
	return {
		name: 'backend-rust:toc-observed-elements',
		hooks: {
			'astro:config:setup': ({ updateConfig }) => {
				updateConfig({
					vite: {
						plugins: [
							{
								name: 'backend-rust:toc-observed-elements',
								enforce: 'pre',
								transform(code, id) {
									if (!SCRIPT.test(id.split('?')[0]!)) return undefined;
									replaced++;
									return withObservedElements(code, id);
								},
							},
						],
					},
				});
			},
			'astro:build:done': () => {
				if (replaced === 0) throw new Error("Starlight's table-of-contents script was not found to replace its query (moved in this Starlight version?); update src/build/toc-observed-elements.ts");
			},
		},
	};
}
