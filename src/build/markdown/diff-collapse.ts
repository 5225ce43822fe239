/**
 * Which lines of a diff block to fold away. A step that changes three lines
 * of a 150-line file would otherwise bury them in unchanged code the learner
 * already typed in an earlier lesson. Long runs of unchanged lines are
 * folded into one "N collapsed lines" line, which opens on a click
 * (Expressive Code's collapsible-sections plugin reads the ranges from
 * `collapse={a-b,…}`); the lines near a change stay, so each change is read
 * in its place, and so does every line a numbered note points at.
 */

/** Unchanged lines left visible on each side of a change or a noted line. */
export const CONTEXT = 3;
/** The fewest lines worth folding: a shorter run costs no more to read than the line that would replace it. */
export const MIN_FOLDED = 6;

export interface LineRange {
	/** 1-based, inclusive. */
	from: number;
	to: number;
}

/**
 * The runs of unchanged lines (` ` in column one) to fold in `diff`, in
 * order; `keep` are 1-based lines that must stay visible (callouts).
 */
export function foldedRanges(diff: string, keep: readonly number[] = []): LineRange[] {
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
		if (to - from + 1 >= MIN_FOLDED) ranges.push({ from: from + 1, to: to + 1 });
		start = end;
	}
	return ranges;
}

/** Expressive Code's meta for the folds, or '' when nothing is folded. */
export function collapseMeta(ranges: readonly LineRange[]): string {
	return ranges.length === 0 ? '' : `collapse={${ranges.map((r) => `${r.from}-${r.to}`).join(',')}}`;
}
