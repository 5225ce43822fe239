// A hand-written JavaScript parser for the format the Rust module reads
// (Combined, with an optional duration in seconds last), written to be fast:
// one pass over the text with indexOf and charCodeAt, no regular expression,
// no split into an array of lines, and one string allocated per line (the
// path; the timestamp only when it changes). It follows logstat's rules
// (src/line.rs) on every line shape the lesson's logs hold.
import { clfTime, digits, Totals, type Request } from './summary.ts';

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
		const request = this.#parse(start, end);
		if (request) totals.record(request);
		else totals.malformed++;
	}

	#parse(start: number, end: number): Request | undefined {
		const s = this.text;
		this.#at = start;
		this.#end = end;
		// Client address, identity, user: three words.
		if (this.#word() < 0 || this.#word() < 0 || this.#word() < 0) return undefined;
		// [timestamp]
		this.#skipSpaces();
		if (s.charCodeAt(this.#at) !== 91) return undefined;
		const close = s.indexOf(']', this.#at);
		if (close === -1 || close >= end) return undefined;
		const stamp = s.slice(this.#at + 1, close);
		if (stamp !== this.#lastStamp) {
			this.#lastTime = clfTime(stamp);
			this.#lastStamp = stamp;
		}
		const time = this.#lastTime;
		if (Number.isNaN(time)) return undefined;
		this.#at = close + 1;
		// "request"
		const requestStart = this.#quoted();
		if (requestStart < 0) return undefined;
		const requestEnd = this.#at - 1;
		// status: three digits, 100 to 599
		const statusStart = this.#word();
		if (statusStart < 0 || this.#at - statusStart !== 3) return undefined;
		const status = digits(s, statusStart, this.#at);
		if (!(status >= 100 && status <= 599)) return undefined;
		// size: digits or -
		const sizeStart = this.#word();
		if (sizeStart < 0) return undefined;
		if (!(this.#at - sizeStart === 1 && s.charCodeAt(sizeStart) === 45) && Number.isNaN(digits(s, sizeStart, this.#at))) return undefined;
		// "referer" "user agent"
		if (this.#quoted() < 0 || this.#quoted() < 0) return undefined;
		// Nothing more, or one last word: the duration in seconds.
		let durationUs: number | undefined;
		this.#skipSpaces();
		if (!this.#restBlank()) {
			const valueStart = this.#word();
			const value = s.slice(valueStart, this.#at);
			if (!this.#restBlank()) return undefined;
			durationUs = seconds(value);
			if (durationUs === undefined) return undefined;
		}
		const path = requestPath(s, requestStart, requestEnd);
		return { time, path, status, durationUs };
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

/** `0.042` seconds in microseconds, exact for up to 6 decimals; undefined if not a number >= 0. */
export function seconds(text: string): number | undefined {
	const dot = text.indexOf('.');
	const whole = dot === -1 ? text : text.slice(0, dot);
	const fraction = dot === -1 ? '' : text.slice(dot + 1);
	if (whole.length > 0 && whole.length <= 12 && fraction.length <= 6) {
		const w = digits(whole, 0, whole.length);
		const f = fraction.length === 0 ? 0 : digits(fraction, 0, fraction.length);
		if (!Number.isNaN(w) && !Number.isNaN(f)) return w * 1_000_000 + f * 10 ** (6 - fraction.length);
	}
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
