/**
 * Wraps every lesson table in a labelled, focusable scroll box. A comparison
 * table with six columns cannot fit a phone: squeezing it breaks words into
 * letters, so it scrolls sideways instead. A box that scrolls must be
 * reachable by keyboard and say what it holds (WCAG 2.1.1; axe's
 * scrollable-region-focusable), hence role="region", tabindex and a label
 * made of the table's column headings.
 */
import type { Element, Root } from 'hast';
import { toString } from 'hast-util-to-string';
import { h } from 'hastscript';
import { SKIP, visit } from 'unist-util-visit';

export function rehypeScrollTables() {
	return (tree: Root) => {
		visit(tree, 'element', (node: Element, index, parent) => {
			if (node.tagName !== 'table' || !parent || index === undefined) return;
			const headings: string[] = [];
			visit(node, 'element', (cell: Element) => {
				if (cell.tagName === 'th') headings.push(toString(cell).trim());
			});
			const label = headings.filter(Boolean).join(', ');
			parent.children[index] = h('div', { className: ['table-scroll'], role: 'region', tabIndex: 0, ariaLabel: label ? `Table: ${label}` : 'Table' }, [node]);
			return SKIP;
		});
	};
}
