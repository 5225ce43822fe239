/**
 * mdBook-style anchors, made strict.
 *
 * A file marks a region with `ANCHOR: name` and `ANCHOR_END: name`, in any
 * comment style (`// ANCHOR: app`, `# ANCHOR: deps`). Like mdBook
 * (crates/mdbook-driver/src/builtin_preprocessors/links/take_lines.rs), the
 * markers match anywhere in a line, names are `[\w-]+`, and every marker line
 * (the region's own and any nested or overlapping one) is left out of what is
 * shown. Unlike mdBook, an unknown, duplicated, unclosed or unopened anchor
 * is an error rather than silently empty text, and the excerpt is dedented.
 */

const START = /\bANCHOR:\s*([\w-]+)/;
const END = /\bANCHOR_END:\s*([\w-]+)/;

/** Raised for a broken or missing anchor; the message names the file and anchor. */
export class AnchorError extends Error {
	override name = 'AnchorError';
}

interface Region {
	/** Index of the line after `ANCHOR:`. */
	start: number;
	/** Index of the `ANCHOR_END:` line. */
	end: number;
}

/** Splits text into lines, accepting LF and CRLF (and a lone CR). */
export function splitLines(text: string): string[] {
	const lines = text.split(/\r\n|\r|\n/);
	// A trailing newline is not an extra empty line.
	if (lines.length > 0 && lines.at(-1) === '') lines.pop();
	return lines;
}

function isMarker(line: string): boolean {
	return START.test(line) || END.test(line);
}

/**
 * Finds every anchor region in the file and checks the markers pair up.
 * @param where names the file in error messages.
 */
export function findRegions(lines: readonly string[], where: string): Map<string, Region> {
	const open = new Map<string, number>();
	const regions = new Map<string, Region>();
	lines.forEach((line, index) => {
		const start = START.exec(line)?.[1];
		const end = END.exec(line)?.[1];
		if (start !== undefined) {
			if (open.has(start) || regions.has(start)) {
				throw new AnchorError(`${where}:${index + 1}: anchor "${start}" is opened a second time`);
			}
			open.set(start, index + 1);
		}
		if (end !== undefined) {
			const from = open.get(end);
			if (from === undefined) {
				throw new AnchorError(`${where}:${index + 1}: ANCHOR_END "${end}" has no matching ANCHOR`);
			}
			open.delete(end);
			regions.set(end, { start: from, end: index });
		}
	});
	for (const [name, from] of open) {
		throw new AnchorError(`${where}:${from}: anchor "${name}" is never closed with ANCHOR_END: ${name}`);
	}
	return regions;
}

/** Removes the indentation every non-blank line shares, keeping relative indentation. */
export function dedent(lines: readonly string[]): string[] {
	const indents = lines
		.filter((line) => line.trim() !== '')
		.map((line) => /^[ \t]*/.exec(line)![0].length);
	const common = indents.length > 0 ? Math.min(...indents) : 0;
	return lines.map((line) => (line.trim() === '' ? '' : line.slice(common)));
}

function trimBlankEdges(lines: string[]): string[] {
	let first = 0;
	let last = lines.length;
	while (first < last && lines[first]!.trim() === '') first++;
	while (last > first && lines[last - 1]!.trim() === '') last--;
	return lines.slice(first, last);
}

/**
 * The text a lesson shows for `anchor` in a file (or the whole file when no
 * anchor is given): marker lines removed, dedented, blank edges trimmed,
 * LF line endings, no trailing newline.
 * @param where names the file in error messages.
 */
export function extract(text: string, anchor: string | undefined, where: string): string {
	const lines = splitLines(text);
	const regions = findRegions(lines, where);
	let body: readonly string[] = lines;
	if (anchor !== undefined) {
		const region = regions.get(anchor);
		if (region === undefined) {
			const known = [...regions.keys()].sort();
			throw new AnchorError(
				`${where}: no anchor "${anchor}" (anchors in this file: ${known.length ? known.join(', ') : 'none'})`,
			);
		}
		body = lines.slice(region.start, region.end);
	}
	return trimBlankEdges(dedent(body.filter((line) => !isMarker(line)))).join('\n');
}
