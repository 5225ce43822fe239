/**
 * The id of an included block, from which its lines' link targets are made
 * (`queue-rs-claim` → `#queue-rs-claim-L14`, see ./ec-line-links.ts): the
 * file's name and the anchor shown, so a link an instructor sends keeps
 * working when blocks are added above it. A page that shows the same
 * region twice gets `-2`, `-3` on the later ones.
 */
import { basename } from 'node:path';

/** The Expressive Code meta key carrying the block's id. */
export const LINE_LINKS_KEY = 'line-links';

function slug(text: string): string {
	return text
		.toLowerCase()
		.replace(/[^a-z0-9]+/g, '-')
		.replace(/^-|-$/g, '');
}

/** Hands out ids for one page's blocks, in page order. */
export function lineLinkIds(): (path: string, anchor: string | undefined) => string {
	const used = new Map<string, number>();
	return (path, anchor) => {
		const base = slug([basename(path), anchor].filter(Boolean).join('-'));
		const count = (used.get(base) ?? 0) + 1;
		used.set(base, count);
		return count === 1 ? base : `${base}-${count}`;
	};
}
