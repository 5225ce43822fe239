/**
 * A lesson step as a diff: every line of the new version, with the lines
 * the step removes and adds marked in the `diff` syntax Expressive Code
 * renders as deletions and insertions (`-` / `+` / space in column one).
 * The whole file is shown, not hunks, so the learner sees the step in place.
 */
import { diffLines } from 'diff';

export function lineDiff(before: string, after: string): string {
	// Every line ends with a newline, so a last line without one still
	// matches; an empty text has no lines (a file a step adds or removes).
	const end = (text: string) => (text === '' || text.endsWith('\n') ? text : `${text}\n`);
	return diffLines(end(before), end(after))
		.flatMap((change) => {
			const mark = change.added ? '+' : change.removed ? '-' : ' ';
			return change.value.replace(/\n$/, '').split('\n').map((line) => mark + line);
		})
		.join('\n');
}
