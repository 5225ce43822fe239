/**
 * The elements Starlight's table of contents watches to mark the section
 * being read, found without selector matching over the whole page.
 *
 * Starlight finds them with one querySelectorAll of four selectors, each
 * with `:has(<heading>)`: every element of <main> is tested against every
 * selector, and `:has` searches the element's whole subtree. On our longest
 * lessons (22,000 elements, most of them code tokens) that took 290 ms on
 * the main thread, twice (the desktop and the mobile contents each run it),
 * which was most of those pages' Lighthouse Total Blocking Time.
 *
 * The same elements in the same order, from the headings up: the few
 * headings are found with a cheap selector, their ancestors are collected
 * once (an element "has" a heading exactly when it is one of them), and
 * only the siblings after a heading and the top-level children of the
 * content and of <main> are then visited. Starlight's selectors, and what
 * answers each here:
 *
 *   main :where(H)                                          the headings
 *   main :where(H, .sl-heading-wrapper) ~ *:not(:has(H))    the siblings after each
 *   main .sl-markdown-content > *:not(:has(H))              the content's children
 *   main > *:not(:has(H))                                   <main>'s children
 *
 * The result is sorted into document order, as querySelectorAll returns
 * it: the observer reports intersections in the order elements were
 * observed, and Starlight marks the first one in view as current.
 *
 * tests/browser/toc-observed.test.ts holds the two lists equal on every built page.
 */
export function observedElements(headingSelector: string): Element[] {
	const found = new Set<Element>();
	for (const main of document.querySelectorAll('main')) {
		const headings = main.querySelectorAll(`:where(${headingSelector})`);
		const hasHeading = new Set<Element>();
		for (const heading of headings) {
			for (let up = heading.parentElement; up && up !== main.parentElement; up = up.parentElement) hasHeading.add(up);
		}
		const add = (el: Element) => {
			if (!hasHeading.has(el)) found.add(el);
		};
		for (const heading of headings) found.add(heading);
		for (const start of main.querySelectorAll(`:where(${headingSelector}), .sl-heading-wrapper`)) {
			for (let next = start.nextElementSibling; next; next = next.nextElementSibling) add(next);
		}
		for (const content of main.querySelectorAll('.sl-markdown-content')) for (const child of content.children) add(child);
		for (const child of main.children) add(child);
	}
	return [...found].sort((a, b) => (a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1));
}
