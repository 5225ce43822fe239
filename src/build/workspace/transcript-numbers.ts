/**
 * Numbers a lesson states about a run, read from that run's saved
 * transcript instead of typed into the prose, so the sentence changes when
 * the transcript does (a new test, a changed figure).
 *
 * Four ways to read one:
 * - a named count over the whole transcript (`COUNTS`, below);
 * - `line`: in a compiler diagnostic, the number in the margin (`10 |`) of
 *   the quoted source line holding a piece of code, so "line 10" in the
 *   prose follows the source when it moves;
 * - `after`: the number that follows a piece of text the transcript holds
 *   exactly once, such as `capacity ` in "len 7, capacity 8";
 * - `match`: a regular expression (multiline: `^` and `$` are line ends)
 *   that matches exactly once, its one group the number, for a number that
 *   no unique text precedes, such as the 2 in "  2  /health".
 */

/** The number that follows a text: digits, with `,` or `.` inside (`20,000`, `5.96`). */
const NUMBER = String.raw`\d(?:[\d,.]*\d)?`;
const NUMBER_AT_START = new RegExp(`^${NUMBER}`);
const WHOLE_NUMBER = new RegExp(`^${NUMBER}$`);

/** Tests passed in a `cargo test` transcript, summed over every test binary's `test result:` line. */
function testsPassed(transcript: string): string {
	const results = [...transcript.matchAll(/^test result: (\w+)\. (\d+) passed; (\d+) failed;/gm)];
	if (results.length === 0) throw new Error('no `test result: … N passed` line: is this the output of cargo test?');
	const failed = results.find(([, outcome, , failures]) => outcome !== 'ok' || failures !== '0');
	if (failed) throw new Error(`the run it saved did not pass (“${failed[0]}”): a lesson states no count of a failed run`);
	return String(results.reduce((sum, [, , passed]) => sum + Number(passed), 0));
}

/** Errors in a compiler's output: its `error[E…]:` and `error:` headlines, not cargo's closing summary. */
function compileErrors(transcript: string): string {
	const headlines = transcript.match(/^error(\[E\d+\])?: (?!aborting due to|could not compile)/gm) ?? [];
	if (headlines.length === 0) throw new Error('no `error[E…]:` or `error:` line: is this the output of a failed compile?');
	return String(headlines.length);
}

/** Named counts over a whole transcript, as `count="…"` names them. */
export const COUNTS: Readonly<Record<string, (transcript: string) => string>> = {
	tests: testsPassed,
	errors: compileErrors,
};

/** The number right after `text`, which must occur exactly once in the transcript. */
export function numberAfter(transcript: string, text: string): string {
	if (text === '') throw new Error('after="" names no text to look for');
	const at: number[] = [];
	for (let i = transcript.indexOf(text); i !== -1; i = transcript.indexOf(text, i + 1)) at.push(i);
	if (at.length !== 1) {
		throw new Error(
			at.length === 0
				? `the transcript does not contain “${text}”`
				: `“${text}” occurs ${at.length} times in the transcript: give enough of the text to pick one`,
		);
	}
	const number = NUMBER_AT_START.exec(transcript.slice(at[0]! + text.length));
	if (!number) throw new Error(`no number right after “${text}” in the transcript`);
	return number[0];
}

/** The group of `pattern` (multiline), which must match exactly once and capture one number. */
export function numberMatching(transcript: string, pattern: string): string {
	let regex: RegExp;
	try {
		regex = new RegExp(pattern, 'gm');
	} catch (error) {
		throw new Error(`match="${pattern}" is not a regular expression: ${(error as Error).message}`);
	}
	const matches = [...transcript.matchAll(regex)];
	if (matches.length !== 1) {
		throw new Error(
			matches.length === 0
				? `match="${pattern}" matches nothing in the transcript`
				: `match="${pattern}" matches ${matches.length} times in the transcript: make it match one place`,
		);
	}
	const [whole, group, ...more] = matches[0]!;
	if (group === undefined || more.length > 0) throw new Error(`match="${pattern}" needs exactly one (group) around the number`);
	if (!WHOLE_NUMBER.test(group)) throw new Error(`match="${pattern}" captured “${group}” in “${whole}”, not a number`);
	return group;
}

/**
 * The line number rustc prints in the margin (`10 |     body.len()`) of the
 * quoted source lines that hold `code`; a line quoted twice (an error, then a
 * help) counts once, but two different lines are ambiguous.
 */
export function sourceLineOf(transcript: string, code: string): string {
	if (code === '') throw new Error('line="" names no code to look for');
	const numbers = new Set<string>();
	for (const [, number, source] of transcript.matchAll(/^ *(\d+) *\|(.*)$/gm)) {
		if (source!.includes(code)) numbers.add(number!);
	}
	if (numbers.size !== 1) {
		throw new Error(
			numbers.size === 0
				? `no source line quoted in the diagnostic (\`NN | …\`) contains “${code}”`
				: `“${code}” is on several quoted source lines (${[...numbers].join(', ')}): give enough of the code to pick one`,
		);
	}
	return [...numbers][0]!;
}

/** What a lesson asks for: exactly one of a named count, a quoted line's code, the text the number follows, or a pattern. */
export interface NumberSpec {
	count?: string | undefined;
	line?: string | undefined;
	after?: string | undefined;
	match?: string | undefined;
}

/** Reads one number from a transcript's text; throws saying why it cannot. */
export function readNumber(transcript: string, spec: NumberSpec): string {
	if ([spec.count, spec.line, spec.after, spec.match].filter((v) => v !== undefined).length !== 1) {
		throw new Error(
			'give exactly one of count="…" (a named count), line="…" (code on a line a diagnostic quotes), after="…" (the text the number follows) or match="…" (a pattern with one group)',
		);
	}
	if (spec.line !== undefined) return sourceLineOf(transcript, spec.line);
	if (spec.after !== undefined) return numberAfter(transcript, spec.after);
	if (spec.match !== undefined) return numberMatching(transcript, spec.match);
	const count = Object.hasOwn(COUNTS, spec.count!) ? COUNTS[spec.count!] : undefined;
	if (!count) throw new Error(`unknown count "${spec.count}" (known: ${Object.keys(COUNTS).join(', ')})`);
	return count(transcript);
}
