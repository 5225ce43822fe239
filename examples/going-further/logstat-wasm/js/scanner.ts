// A hand-written JavaScript parser for the format the Rust module reads
// (Combined, with an optional duration in seconds last), written to be fast:
// one pass over the text with indexOf and charCodeAt, no regular expression,
// no split into an array of lines. Fields are read where they lie in the
// text, as ranges: the timestamp is compared in place with the last one,
// status, size and duration are read digit by digit. The one string made
// per line is the path, the key of the paths map; the timestamp is copied
// only when it changes, and a duration in a rare shape (an exponent, more
// than 6 decimals) falls back to Number(). No object is built per line:
// the fields go straight to Totals.add. It follows logstat's rules
// (src/line.rs) on every line shape the lesson's logs hold.
import { clfTime, digits, Totals } from './summary.ts';

const SPACE = 32;
const QUOTE = 34;
const BACKSLASH = 92;
const NEWLINE = 10;

// ANCHOR: scan_text
/** Parses every line of `text` into `totals`. */
export function scanText(text: string, totals: Totals): void {
	const parser = new LineParser(text);
	let start = 0;
	while (start < text.length) {
		let end = text.indexOf('\n', start);
		if (end === -1) end = text.length;
		parser.line(start, end, totals);
		start = end + 1;
	}
}
// ANCHOR_END: scan_text

/** One line on its own (per-line calls, as the page would make them). */
export function scanLine(line: string, parser: LineParser, totals: Totals): void {
	parser.text = line;
	parser.line(0, line.length, totals);
}

export class LineParser {
	#lastStamp = '';
	#lastTime = NaN;
	#at = 0;
	#end = 0;
	text: string;
	constructor(text: string) {
		this.text = text;
	}

	/** The line text[start, end): counted, then recorded or counted malformed. */
	line(start: number, end: number, totals: Totals): void {
		const s = this.text;
		if (end > start && s.charCodeAt(end - 1) === 13) end--; // \r\n
		let first = start;
		while (first < end && isBlank(s.charCodeAt(first))) first++;
		if (first === end) return; // a blank line is not a line
		totals.lines++;
		if (!this.#parse(start, end, totals)) totals.malformed++;
	}

	/** Records the line text[start, end) in `totals`; false, and nothing recorded, if it is malformed. */
	#parse(start: number, end: number, totals: Totals): boolean {
		const s = this.text;
		this.#at = start;
		this.#end = end;
		// Client address, identity, user: three words.
		if (this.#word() < 0 || this.#word() < 0 || this.#word() < 0) return false;
		// [timestamp]
		this.#skipSpaces();
		if (s.charCodeAt(this.#at) !== 91) return false;
		const close = s.indexOf(']', this.#at);
		if (close === -1 || close >= end) return false;
		// Logs are in time order: most lines repeat the last line's stamp.
		// Compare it in place, and copy and convert it only when it differs.
		if (!sameText(s, this.#at + 1, close, this.#lastStamp)) {
			this.#lastStamp = s.slice(this.#at + 1, close);
			this.#lastTime = clfTime(this.#lastStamp);
		}
		const time = this.#lastTime;
		if (Number.isNaN(time)) return false;
		this.#at = close + 1;
		// "request"
		const requestStart = this.#quoted();
		if (requestStart < 0) return false;
		const requestEnd = this.#at - 1;
		// status: three digits, 100 to 599
		const statusStart = this.#word();
		if (statusStart < 0 || this.#at - statusStart !== 3) return false;
		const status = digits(s, statusStart, this.#at);
		if (!(status >= 100 && status <= 599)) return false;
		// size: digits or -
		const sizeStart = this.#word();
		if (sizeStart < 0) return false;
		if (!(this.#at - sizeStart === 1 && s.charCodeAt(sizeStart) === 45) && Number.isNaN(digits(s, sizeStart, this.#at))) return false;
		// "referer" "user agent"
		if (this.#quoted() < 0 || this.#quoted() < 0) return false;
		// Nothing more, or one last word: the duration in seconds.
		let durationUs: number | undefined;
		this.#skipSpaces();
		if (!this.#restBlank()) {
			const valueStart = this.#word();
			if (!this.#restBlank()) return false;
			durationUs = secondsIn(s, valueStart, this.#at);
			if (durationUs === undefined) return false;
		}
		totals.add(time, requestPath(s, requestStart, requestEnd), status, durationUs);
		return true;
	}

	#skipSpaces(): void {
		while (this.#at < this.#end && this.text.charCodeAt(this.#at) === SPACE) this.#at++;
	}

	#restBlank(): boolean {
		for (let i = this.#at; i < this.#end; i++) if (!isBlank(this.text.charCodeAt(i))) return false;
		return true;
	}

	/** The next space-separated word: its start (the cursor moves past it), or -1. */
	#word(): number {
		this.#skipSpaces();
		const start = this.#at;
		let i = start;
		while (i < this.#end && this.text.charCodeAt(i) !== SPACE) i++;
		this.#at = i;
		return i > start ? start : -1;
	}

	/** A "…" field with backslash escapes: the start of its text (the cursor moves past the closing quote), or -1. */
	#quoted(): number {
		this.#skipSpaces();
		const s = this.text;
		if (s.charCodeAt(this.#at) !== QUOTE) return -1;
		const start = this.#at + 1;
		for (let i = start; i < this.#end; i++) {
			const c = s.charCodeAt(i);
			if (c === BACKSLASH) i++;
			else if (c === QUOTE) {
				this.#at = i + 1;
				return start;
			}
		}
		return -1;
	}
}

function isBlank(c: number): boolean {
	return c === SPACE || c === 9 || c === NEWLINE || c === 13 || c === 12;
}

/** Whether text[start, end) is `other`, compared in place. */
function sameText(text: string, start: number, end: number, other: string): boolean {
	return end - start === other.length && text.startsWith(other, start);
}

/** Microseconds per unit of the last decimal, by the number of decimals. */
const SCALE = [1_000_000, 100_000, 10_000, 1_000, 100, 10, 1];

/** `0.042` seconds in microseconds, exact for up to 6 decimals; undefined if not a number >= 0. */
export function seconds(text: string): number | undefined {
	return secondsIn(text, 0, text.length);
}

/** seconds() of text[start, end), read in place. */
export function secondsIn(s: string, start: number, end: number): number | undefined {
	let dot = -1;
	for (let i = start; i < end; i++) {
		if (s.charCodeAt(i) === 46) {
			dot = i;
			break;
		}
	}
	const wholeEnd = dot === -1 ? end : dot;
	const decimals = dot === -1 ? 0 : end - dot - 1;
	if (wholeEnd > start && wholeEnd - start <= 12 && decimals <= 6) {
		const w = digits(s, start, wholeEnd);
		const f = decimals === 0 ? 0 : digits(s, dot + 1, end);
		if (!Number.isNaN(w) && !Number.isNaN(f)) return w * 1_000_000 + f * SCALE[decimals]!;
	}
	// Any other shape (an exponent, more decimals, a sign) is rare: a copy for Number() is fine.
	const text = s.slice(start, end);
	const value = Number(text);
	return Number.isFinite(value) && value >= 0 && text.trim() === text && text !== '' ? Math.round(value * 1_000_000) : undefined;
}

/**
 * The path of a request line, as logstat's split_request: `GET /a?b HTTP/1.1`
 * is `/a`; a request line that is not one (`-`) is its own path.
 */
export function requestPath(s: string, start: number, end: number): string {
	const space = s.indexOf(' ', start);
	if (space === -1 || space >= end || space === start) return s.slice(start, end);
	const target = space + 1;
	let stop = end;
	for (let i = target; i < end; i++) {
		const c = s.charCodeAt(i);
		if (c === 63) {
			stop = i;
			break;
		}
		if (c === SPACE) {
			if (s.startsWith('HTTP/', i + 1)) {
				stop = i;
				break;
			}
			// A space inside the target: the path runs to the protocol, the last word.
			const last = s.lastIndexOf(' ', end - 1);
			const beforeProtocol = last >= target && s.startsWith('HTTP/', last + 1) ? last : end;
			const question = s.indexOf('?', target);
			stop = question !== -1 && question < beforeProtocol ? question : beforeProtocol;
			break;
		}
	}
	return stop === target ? s.slice(start, end) : s.slice(target, stop);
}
