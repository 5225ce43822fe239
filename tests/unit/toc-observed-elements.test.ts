// The swap in Starlight's table-of-contents script: found exactly once in the
// installed Starlight, and a clear stop when an upgrade changes it.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { withObservedElements } from '../../src/build/toc-observed-elements.ts';

const script = join(import.meta.dirname, '../../node_modules/@astrojs/starlight/dist/components-internals/TableOfContents/starlight-toc.js');

describe('withObservedElements', () => {
	it('replaces the installed Starlight’s whole-page query with the import', () => {
		const patched = withObservedElements(readFileSync(script, 'utf8'), script);
		expect(patched).toMatch(/^import \{ observedElements \} from ".*\/src\/client\/toc\/observed-elements\.ts";\n/);
		expect(patched).toContain('const toObserve = observedElements(this.tocHeadingSelector);');
		expect(patched).not.toContain(':has(');
	});

	it('stops the build when any of the four selectors changed', () => {
		const changed = readFileSync(script, 'utf8').replace('`main > *:not(:has(${this.tocHeadingSelector}))`', '`main > *`');
		expect(() => withObservedElements(changed, script)).toThrow(/found it 0 times/);
	});

	it('stops the build when the query is not there as expected', () => {
		const changed = readFileSync(script, 'utf8').replace('const toObserve = document.querySelectorAll(', 'const toObserve = this.find(');
		expect(() => withObservedElements(changed, script)).toThrow(/expected Starlight's table-of-contents query once, found it 0 times/);
	});
});
