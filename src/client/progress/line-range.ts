/**
 * A link to a range of code lines, `#queue-rs-claim-L12-L14`: marks each
 * line (CSS highlights `[data-line-marked]`, src/build/markdown/
 * ec-line-links.ts) and scrolls to the first. A single line needs none of
 * this: its id is the link's target, and `:target` highlights it.
 */
const markRange = () => {
	for (const line of document.querySelectorAll('[data-line-marked]')) line.removeAttribute('data-line-marked');
	const range = /^#(.+)-L(\d+)-L(\d+)$/.exec(decodeURIComponent(location.hash));
	if (!range) return;
	const [, block, from, to] = range;
	for (let n = Number(from); n <= Number(to); n++) document.getElementById(`${block}-L${n}`)?.setAttribute('data-line-marked', '');
	document.getElementById(`${block}-L${from}`)?.scrollIntoView();
};
markRange();
addEventListener('hashchange', markRange);
