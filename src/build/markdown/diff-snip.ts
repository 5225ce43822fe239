/**
 * Which lines of a diff block to leave out. A step that changes three lines
 * of a 150-line file would otherwise bury them in unchanged code the learner
 * already typed in an earlier lesson. Each long run of unchanged lines is
 * replaced by one comment line saying how many lines it stands for, as the
 * Rust Book's `// --snip--` does; the lines near a change stay, so each
 * change is read in its place, and so does every line a numbered note
 * points at. What was left out stays one click away: the block's Copy
 * button copies the region as the step leaves it (./ec-diff-copy.ts).
 *
 * The runs were folded into a collapsible section before, whose hidden
 * lines were still on the page: on the API lessons they were half of the
 * elements (16,000 of 34,000 on Authentication and authorization), and
 * that size set the page's Lighthouse performance (73) and the time axe
 * takes on it.
 */

/** Unchanged lines left visible on each side of a change or a noted line. */
export const CONTEXT = 3;
/** The fewest lines worth leaving out: a shorter run costs no more to read than the line that replaces it. */
export const MIN_SNIPPED = 6;

export interface LineRange {
	/** 1-based, inclusive. */
	from: number;
	to: number;
}

/**
 * The runs of unchanged lines (` ` in column one) to leave out of `diff`,
 * in order; `keep` are 1-based lines that must stay visible (callouts).
 */
export function snippedRanges(diff: string, keep: readonly number[] = []): LineRange[] {
	const lines = diff.split('\n');
	const quiet = (index: number) => lines[index]!.startsWith(' ') && !keep.includes(index + 1);
	const ranges: LineRange[] = [];
	for (let start = 0; start < lines.length; ) {
		if (!quiet(start)) {
			start++;
			continue;
		}
		let end = start;
		while (end < lines.length && quiet(end)) end++;
		// The run is lines start..end-1; its ends keep their context unless
		// they are the ends of the file, where nothing follows to read.
		const from = start === 0 ? start : start + CONTEXT;
		const to = end === lines.length ? end - 1 : end - 1 - CONTEXT;
		if (to - from + 1 >= MIN_SNIPPED) ranges.push({ from: from + 1, to: to + 1 });
		start = end;
	}
	return ranges;
}

/** A line comment in each language a step shows, for the line that stands for a run. */
const COMMENT: Record<string, string> = { rust: '//', toml: '#', dockerfile: '#', yaml: '#', sh: '#', sql: '--' };

/** The line that stands for `count` unchanged lines; a language without comments gets the words alone. */
export function snipLine(count: number, lang: string, indent = ''): string {
	const comment = COMMENT[lang];
	return `${indent}${comment ? `${comment} ` : ''}⋯ ${count} unchanged lines`;
}

/** Reads a line `snipLine` wrote: how many lines it stands for, or undefined. */
export function snipCount(line: string): number | undefined {
	const match = /^\s*(?:(?:\/\/|#|--) )?⋯ (\d+) unchanged lines$/.exec(line);
	return match ? Number(match[1]) : undefined;
}

/**
 * `diff` with each long unchanged run replaced by one unchanged line
 * (snipLine), indented as the first line it leaves out, so it sits where
 * the code it stands for would.
 */
export function snipUnchanged(diff: string, lang: string, keep: readonly number[] = []): string {
	const lines = diff.split('\n');
	const out: string[] = [];
	let next = 0;
	for (const { from, to } of snippedRanges(diff, keep)) {
		out.push(...lines.slice(next, from - 1));
		const indent = /^ (\s*)/.exec(lines[from - 1]!)?.[1] ?? '';
		out.push(` ${snipLine(to - from + 1, lang, indent)}`);
		next = to;
	}
	out.push(...lines.slice(next));
	return out.join('\n');
}
