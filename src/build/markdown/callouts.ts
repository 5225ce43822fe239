/**
 * Numbered notes on code lines ("callouts"), the author's side.
 *
 *   ```rust include="…#serve" callout="TcpListener::bind" callout="axum::serve"
 *   ```
 *   1. Binds the port before anything else…
 *   2. Hands every connection to the router…
 *
 * Each `callout` names text found on exactly one line of the shown code; the
 * Nth callout is explained by the Nth item of the ordered list right under
 * the block, and the notes go down the code in line order (two notes may
 * share a line). This step checks that pairing, starts each note with the line it
 * explains ("Line 3:") so it reads well on its own (screen reader, print), and
 * leaves the line numbers in `callout-lines` for ./ec-callouts.ts to badge.
 */
import { MetaOptions } from '@astrojs/starlight/expressive-code';
import type { Code, List, PhrasingContent, RootContent } from 'mdast';
import { metaWithout } from './include-directive.ts';

export const CALLOUT_KEY = 'callout';
export const CALLOUT_LINES_KEY = 'callout-lines';

/** 1-based line of `needle` in `code`; an error unless exactly one line has it. */
export function calloutLine(code: string, needle: string): number {
	const lines = code.split('\n');
	const hits = lines.flatMap((line, index) => (line.includes(needle) ? [index + 1] : []));
	if (hits.length !== 1) {
		const where = hits.length === 0 ? 'no line' : `lines ${hits.join(', ')}`;
		throw new Error(`callout="${needle}" must match exactly one line of the code, but matches ${where}`);
	}
	return hits[0]!;
}

/** Whether a fence has numbered notes. */
export function hasCallouts(code: Code): boolean {
	return new MetaOptions(code.meta ?? '').getStrings(CALLOUT_KEY).length > 0;
}

/** Pairs a code block with the ordered list right after it (`list`), and returns that list. */
export function attachCallouts(code: Code, list: RootContent | undefined, lesson: string): List {
	const meta = new MetaOptions(code.meta ?? '');
	const needles = meta.getStrings(CALLOUT_KEY);
	const fail = (why: string): never => {
		throw new Error(`${lesson}: code block with callouts: ${why}`);
	};
	if (list?.type !== 'list' || !list.ordered) {
		fail(`an ordered list (1. 2. …) explaining the ${needles.length} callouts must follow the block`);
	}
	const notes = list as List;
	if (notes.children.length !== needles.length) {
		fail(`${needles.length} callouts but ${notes.children.length} notes in the list under the block`);
	}
	const lines = needles.map((needle) => {
		try {
			return calloutLine(code.value, needle);
		} catch (error) {
			return fail((error as Error).message);
		}
	});
	if ((notes.start ?? 1) !== 1) fail('the list of notes must start at 1');
	const unordered = lines.flatMap((line, n) => (n > 0 && line < lines[n - 1]! ? [n] : []));
	if (unordered.length > 0) {
		const pairs = unordered.map((n) => `note ${n + 1} (line ${lines[n]}) comes after note ${n} (line ${lines[n - 1]})`);
		fail(`notes must follow the code from top to bottom, but ${pairs.join('; ')}: reorder the callouts and their notes`);
	}

	code.meta = [metaWithout(meta, [CALLOUT_KEY]), `${CALLOUT_LINES_KEY}="${lines.join(',')}"`]
		.filter(Boolean)
		.join(' ');
	notes.data = { ...notes.data, hProperties: { className: ['code-notes'] } };
	notes.children.forEach((item, n) => {
		const lead: PhrasingContent = { type: 'strong', children: [{ type: 'text', value: `Line ${lines[n]}:` }] };
		const first = item.children[0];
		if (first?.type === 'paragraph') first.children.unshift(lead, { type: 'text', value: ' ' });
		else item.children.unshift({ type: 'paragraph', children: [lead] });
	});
	return notes;
}
