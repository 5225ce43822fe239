/**
 * An Astro integration that makes Starlight's table of contents find the
 * elements it watches with src/client/toc/observed-elements.ts instead of
 * its querySelectorAll over the whole page (that file says why: 290 ms of
 * main thread, twice, on the longest lessons).
 *
 * Starlight does not export its TOC element, and overriding its two
 * components would mean copying them whole, so the one expression is
 * replaced in its script as Vite loads it. The expression is matched
 * exactly: after a Starlight upgrade that changes it, the build stops and
 * says so, rather than shipping the slow version unnoticed.
 */
import type { AstroIntegration } from 'astro';
import { fileURLToPath } from 'node:url';

const SCRIPT = /\/@astrojs\/starlight\/dist\/components-internals\/TableOfContents\/starlight-toc\.js$/;
/** Starlight 0.42's `const toObserve = document.querySelectorAll([ …four selectors… ].join());` */
const QUERY = /const toObserve = document\.querySelectorAll\(\[\s*`main :where\(\$\{this\.tocHeadingSelector\}\)`,[^\]]*\]\.join\(\)\);/;
const observedElements = fileURLToPath(new URL('../client/toc/observed-elements.ts', import.meta.url));

/** Starlight's TOC script with the query replaced; throws if the query is not found exactly once. */
export function withObservedElements(code: string, id: string): string {
	const matches = code.match(new RegExp(QUERY, 'g')) ?? [];
	if (matches.length !== 1) {
		throw new Error(`${id}: expected Starlight's table-of-contents query once, found it ${matches.length} times; update src/build/toc-observed-elements.ts for this Starlight version`);
	}
	return `import { observedElements } from ${JSON.stringify(observedElements)};\n${code.replace(QUERY, 'const toObserve = observedElements(this.tocHeadingSelector);')}`;
}

export function tocObservedElements(): AstroIntegration {
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
									return SCRIPT.test(id.split('?')[0]!) ? withObservedElements(code, id) : undefined;
								},
							},
						],
					},
				});
			},
		},
	};
}
