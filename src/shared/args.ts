/**
 * Splits the Arguments field into argv the way a POSIX shell would for
 * simple cases: whitespace separates, '…' and "…" group, a backslash escapes
 * the next character. No variables or globs: nothing here is a shell.
 */
export function splitArgs(text: string): string[] {
	const args: string[] = [];
	let current = '';
	let inWord = false;
	let quote: '"' | "'" | undefined;
	for (let i = 0; i < text.length; i++) {
		const c = text[i]!;
		if (quote) {
			if (c === quote) quote = undefined;
			else if (c === '\\' && quote === '"' && i + 1 < text.length) current += text[++i];
			else current += c;
		} else if (c === "'" || c === '"') {
			quote = c;
			inWord = true;
		} else if (c === '\\' && i + 1 < text.length) {
			current += text[++i];
			inWord = true;
		} else if (/\s/.test(c)) {
			if (inWord) args.push(current);
			current = '';
			inWord = false;
		} else {
			current += c;
			inWord = true;
		}
	}
	if (quote) throw new Error(`the arguments have an unclosed ${quote} quote`);
	if (inWord) args.push(current);
	return args;
}

/** The inverse, for showing argv in the Arguments field. */
export function joinArgs(args: readonly string[]): string {
	return args.map((a) => (a !== '' && /^[\w@%+=:,./-]+$/.test(a) ? a : `'${a.replaceAll("'", `'\\''`)}'`)).join(' ');
}
