// ANCHOR: whole_lines
/**
 * Splits `bytes` into pieces of about `size` bytes that each end just after
 * a newline, so no line is cut in two between calls. A line longer than
 * `size` makes its piece longer; the text after the last newline, if any,
 * is the last piece. subarray() is a view: nothing is copied here.
 */
export function* wholeLines(bytes: Uint8Array, size: number): Generator<Uint8Array> {
	let start = 0;
	while (start < bytes.length) {
		let end = Math.min(start + size, bytes.length);
		if (end < bytes.length) {
			const newline = bytes.lastIndexOf(10, end - 1);
			end = newline >= start ? newline + 1 : nextLineEnd(bytes, end);
		}
		yield bytes.subarray(start, end);
		start = end;
	}
}

/** Just past the next newline at or after `from`, or the end. */
function nextLineEnd(bytes: Uint8Array, from: number): number {
	const newline = bytes.indexOf(10, from);
	return newline === -1 ? bytes.length : newline + 1;
}
// ANCHOR_END: whole_lines
