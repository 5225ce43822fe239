// Lesson tables get a labelled, focusable scroll box (axe in the browser
// tests checks the built pages; this checks the wrapping itself).
import type { Element, Root } from 'hast';
import { h } from 'hastscript';
import { describe, expect, it } from 'vitest';
import { rehypeScrollTables } from '../../src/build/markdown/rehype-scroll-tables.ts';

describe('rehypeScrollTables', () => {
	it('wraps each table in a region named by its column headings, once', () => {
		const table = h('table', [h('thead', [h('tr', [h('th', 'To…'), h('th', [h('code', 'cargo')]), h('th', '')])]), h('tbody', [h('tr', [h('td', 'build')])])]);
		const tree: Root = { type: 'root', children: [h('p', 'before'), table] };
		rehypeScrollTables()(tree);
		const wrapper = tree.children[1] as Element;
		expect(wrapper.tagName).toBe('div');
		expect(wrapper.properties).toMatchObject({ className: ['table-scroll'], role: 'region', tabIndex: 0, ariaLabel: 'Table: To…, cargo' });
		expect(wrapper.children).toEqual([table]);
		expect(tree.children).toHaveLength(2);
	});
});
