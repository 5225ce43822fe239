/**
 * A link to a range of code lines, `#queue-rs-claim-L12-L14`: marks each
 * line (CSS highlights `[data-line-marked]`, src/build/markdown/
 * ec-line-links.ts) and scrolls to the first. A single line needs none of
 * this: its id is the link's target, and `:target` highlights it.
 */
const markRange = () => {
	for (const line of document.querySelectorAll('[data-line-marked]')) line.removeAttribute('data-line-marked');
	let hash = '';
	try {
		hash = decodeURIComponent(location.hash);
	} catch {
		// a malformed %-escape: no range
	}
	const range = /^#(.+)-L(\d+)-L(\d+)$/.exec(hash);
	if (!range) return;
	const [, block, from, to] = range;
	// Up to the block's last line: a made-up end (L999999999) stops there.
	for (let n = Number(from), line; n <= Number(to) && (line = document.getElementById(`${block}-L${n}`)); n++) line.setAttribute('data-line-marked', '');
	document.getElementById(`${block}-L${from}`)?.scrollIntoView();
};
markRange();
addEventListener('hashchange', markRange);
