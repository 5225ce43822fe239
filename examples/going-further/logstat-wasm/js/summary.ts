// The JavaScript side's totals, in the shape the Rust module's `summary()`
// returns (src/summary.rs), so the two can be compared field by field.

/** One parsed request: what the totals need from a line. */
export interface Request {
	/** Seconds since the Unix epoch. */
	time: number;
	path: string;
	status: number;
	/** Microseconds, when the line has a duration. */
	durationUs: number | undefined;
}

export interface Summary {
	lines: number;
	requests: number;
	malformed: number;
	status: Record<string, number>;
	paths: number;
	top: [string, number][];
	minutes: number;
	peak: number;
}

const TOP = 5;

export class Totals {
	lines = 0;
	requests = 0;
	malformed = 0;
	/** Indexed by the code, 100 to 599, as logstat's Stats. */
	status = new Float64Array(600);
	paths = new Map<string, number>();
	minutes = new Map<number, number>();
	/** Durations are kept as a sum only: not compared, but read, as Rust reads them. */
	durationSumUs = 0;
	#lastMinute = NaN;
	#lastMinuteCount = 0;

	record(r: Request): void {
		this.add(r.time, r.path, r.status, r.durationUs);
	}

	/** record() without a Request object: the scanner passes the fields it read. */
	add(time: number, path: string, status: number, durationUs: number | undefined): void {
		this.requests++;
		this.status[status]!++;
		this.paths.set(path, (this.paths.get(path) ?? 0) + 1);
		if (durationUs !== undefined) this.durationSumUs += durationUs;
		// Logs are in time order: the minute is nearly always the last one.
		const minute = Math.floor(time / 60);
		if (minute === this.#lastMinute) {
			this.minutes.set(minute, ++this.#lastMinuteCount);
		} else {
			this.#lastMinute = minute;
			this.#lastMinuteCount = (this.minutes.get(minute) ?? 0) + 1;
			this.minutes.set(minute, this.#lastMinuteCount);
		}
	}

	summary(): Summary {
		const status: Record<string, number> = {};
		this.status.forEach((count, code) => {
			if (count > 0) status[code] = count;
		});
		const top = [...this.paths].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0)).slice(0, TOP);
		return {
			lines: this.lines,
			requests: this.requests,
			malformed: this.malformed,
			status,
			paths: this.paths.size,
			top,
			minutes: this.minutes.size,
			peak: Math.max(0, ...this.minutes.values()),
		};
	}
}

const MONTHS = 'JanFebMarAprMayJunJulAugSepOctNovDec';

/** `24/Nov/2026:10:00:05 +0000` to seconds since the epoch; NaN if it is not one. */
export function clfTime(text: string): number {
	if (text.length !== 26 || text[2] !== '/' || text[6] !== '/' || text[11] !== ':' || text[14] !== ':' || text[17] !== ':' || text[20] !== ' ') return NaN;
	const month = MONTHS.indexOf(text.slice(3, 6));
	if (month < 0 || month % 3 !== 0) return NaN;
	const day = digits(text, 0, 2);
	const year = digits(text, 7, 11);
	const [h, m, s] = [digits(text, 12, 14), digits(text, 15, 17), digits(text, 18, 20)];
	const sign = text[21] === '+' ? 1 : text[21] === '-' ? -1 : 0;
	const offset = sign * (digits(text, 22, 24) * 3600 + digits(text, 24, 26) * 60);
	if (!sign || h > 23 || m > 59 || s > 59 || day < 1) return NaN;
	const ms = Date.UTC(year, month / 3, day, h, m, s);
	// Date.UTC rolls 31 February over into March: reject it, as Rust's `time` does.
	if (new Date(ms).getUTCDate() !== day) return NaN;
	return ms / 1000 - offset;
}

/** The decimal number in text[start, end); NaN if any character is not a digit. */
export function digits(text: string, start: number, end: number): number {
	let n = 0;
	for (let i = start; i < end; i++) {
		const d = text.charCodeAt(i) - 48;
		if (d < 0 || d > 9) return NaN;
		n = n * 10 + d;
	}
	return end > start ? n : NaN;
}
