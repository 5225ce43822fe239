/**
 * Saved outputs ("golden files") that a script regenerates: in check mode a
 * difference is a failure naming the example; with --update the file is
 * rewritten. Parts that change from run to run by nature (a thread id) are
 * masked for the comparison only: the saved file is always a real run.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { relative } from 'node:path';
import { createTwoFilesPatch } from 'diff';

const VOLATILE: [RegExp, string][] = [
	// Rust >= 1.89 prints the OS thread id in panic messages.
	[/thread '([^']*)' \(\d+\)/g, "thread '$1' (…)"],
	// HTTP responses carry the time they were sent.
	[/^date: .*$/gim, 'date: …'],
	// Request ids are random UUIDs; row timestamps are the time of the run.
	[/\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b/g, '<uuid>'],
	[/"created_at":"[^"]+"/g, '"created_at":"…"'],
	// A session token is 64 random hex digits, and it expires a fixed time
	// after it was made.
	[/"token":"[0-9a-f]{64}"/g, '"token":"…"'],
	[/"expires_at":"[^"]+"/g, '"expires_at":"…"'],
	// …and so is the length of a body that holds one: RFC 3339 output drops
	// trailing zeros of the fraction (.715980 prints as .71598), so one run
	// in ten sends a byte less. Masked only next to a created_at.
	[/^content-length: \d+(\r?\n(?:[\w-]+: .*\r?\n)*\r?\n\{[^\n]*"created_at")/gim, 'content-length: …$1'],
	// Log lines start with a timestamp.
	[/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d+Z/gm, '<time>'],
	// cargo test reports how long the tests took.
	[/finished in \d+\.\d+s/g, 'finished in …s'],
	// schemathesis times each phase, and centres its last line (timing
	// included) in a rule of '=' that widens and narrows with it.
	[/\(in \d+\.\d+s\)/g, '(in …s)'],
	[/^=+ (.+) in \d+\.\d+s =+$/gm, '=== $1 in …s ==='],
];

/** Consecutive `test name ... ok` lines: the test harness runs tests in parallel, so their order varies. */
function sortTestLines(text: string): string {
	const lines = text.split('\n');
	// A #[should_panic] test's line ends its name with ` - should panic`; a doc test's name has spaces (`src/lib.rs - Limiter (line 12)`).
	const isTest = (line: string) => /^test .+ \.\.\. /.test(line);
	for (let i = 0; i < lines.length; ) {
		let j = i;
		while (j < lines.length && isTest(lines[j]!)) j++;
		if (j > i) lines.splice(i, j - i, ...lines.slice(i, j).sort());
		i = j + 1;
	}
	return lines.join('\n');
}

export function mask(text: string): string {
	return sortTestLines(VOLATILE.reduce((out, [pattern, replacement]) => out.replace(pattern, replacement), text));
}

/**
 * A measured transcript (timings, rates) with every number masked, and the
 * spaces that align a column collapsed, since a figure one digit longer
 * moves its neighbours: what is left (the words, the rows, their order) must
 * stay the same from run to run, and the figures may not.
 */
export function maskMeasured(text: string): string {
	return mask(text)
		.replace(/\d+(?:[.,]\d+)*/g, '#')
		.replace(/[ \t]+/g, ' ');
}

export interface GoldenResult {
	file: string;
	ok: boolean;
	message: string;
}

/** Compares (or, updating, writes) one saved output. */
export function golden(file: string, actual: string, example: string, root: string, update: boolean, measured = false): GoldenResult {
	const masked = measured ? maskMeasured : mask;
	const shown = relative(root, file);
	if (update) {
		writeFileSync(file, actual);
		return { file, ok: true, message: `wrote ${shown}` };
	}
	if (!existsSync(file)) {
		return { file, ok: false, message: `${example}: ${shown} is missing; run the update command` };
	}
	const saved = readFileSync(file, 'utf8');
	if (masked(saved) === masked(actual)) return { file, ok: true, message: measured ? `${shown} has the same shape (measured: its figures are not compared)` : `${shown} is current` };
	// Only what differs, as a unified diff of the masked texts: a long
	// transcript with one changed line shows that line and its neighbours.
	const patch = createTwoFilesPatch(`${shown} (saved)`, `${shown} (this run)`, masked(saved), masked(actual), undefined, undefined, { context: 3 });
	return { file, ok: false, message: `${example}: ${shown} is stale.\n${patch.replace(/^=+\n/, '')}` };
}

/** Prints the results and sets the exit code; `update` is the command that refreshes them. */
export function report(results: GoldenResult[], update: string): void {
	for (const r of results) console.log(`${r.ok ? 'ok  ' : 'FAIL'} ${r.message}`);
	const failed = results.filter((r) => !r.ok).length;
	console.log(`${results.length - failed} passed, ${failed} failed`);
	if (failed > 0) {
		console.log(`To refresh saved outputs after a deliberate change: ${update}`);
		process.exitCode = 1;
	}
}
