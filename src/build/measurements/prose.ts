/**
 * Figures as a person writes them in a sentence ("about 105,000", "under
 * 5 MiB", "a little over half", "a little over nine minutes"), so a lesson's
 * prose can state a measurement read at build time instead of one typed by
 * hand, and still read like prose. Pure functions: the lesson-specific facts
 * are in ./findings.ts.
 */

const grouped = (value: number) => value.toLocaleString('en-US', { maximumFractionDigits: 2 });

// Round steps from coarse to fine: 1, 0.5, 0.2, 0.1 of the value's order of magnitude.
function* steps(value: number): Generator<number> {
	let unit = 10 ** Math.floor(Math.log10(value));
	for (;;) {
		yield unit;
		yield unit / 2;
		yield unit / 5;
		unit /= 10;
	}
}

/**
 * The roundest number within 4% of a positive value: 105,516 → 105,000,
 * 196.9 → 200, 13.6 → 14, 46.3 → 45. Close enough to say "about" of it.
 */
export function roundish(value: number): number {
	if (!(value > 0) || !Number.isFinite(value)) throw new Error(`roundish: wants a positive number, not ${value}`);
	for (const step of steps(value)) {
		const rounded = Math.round(value / step) * step;
		// Rounded again to the step's decimals, so 0.1 + 0.2 noise never prints.
		const clean = Number(rounded.toFixed(Math.max(0, -Math.floor(Math.log10(step)))));
		if (clean > 0 && Math.abs(clean - value) / value <= 0.04) return clean;
	}
	throw new Error('unreachable');
}

/** "about 105,000", or "about 14 MiB" with a unit. */
export const about = (value: number, unit = ''): string => `about ${grouped(roundish(value))}${unit ? ` ${unit}` : ''}`;

// The step of a value's first significant digit, or of its second when the first is 1 (13.6 → 1, 4.6 → 1, 252 → 100).
function leadingStep(value: number): number {
	const unit = 10 ** Math.floor(Math.log10(value));
	return value / unit < 2 ? unit / 10 : unit;
}

/** The next round number strictly above a positive value: 4.64 → 5, 7.39 → 8, 13.6 → 14, 5 → 6. */
export function ceilRound(value: number): number {
	if (!(value > 0) || !Number.isFinite(value)) throw new Error(`ceilRound: wants a positive number, not ${value}`);
	const step = leadingStep(value);
	return Number(((Math.floor(value / step) + 1) * step).toPrecision(12));
}

/** The round number at or below a positive value: 6.45 → 6, 13.4 → 13, 252 → 200. */
export function floorRound(value: number): number {
	if (!(value > 0) || !Number.isFinite(value)) throw new Error(`floorRound: wants a positive number, not ${value}`);
	const step = leadingStep(value);
	return Number((Math.floor(value / step) * step).toPrecision(12));
}

/** "under 5 MiB". */
export const under = (value: number, unit = ''): string => `under ${grouped(ceilRound(value))}${unit ? ` ${unit}` : ''}`;

/** "over 6", for a value that is not already round ("over 6" of exactly 6 would be false). */
export function over(value: number, unit = ''): string {
	const floor = floorRound(value);
	return `${floor === value ? 'exactly' : 'over'} ${grouped(floor)}${unit ? ` ${unit}` : ''}`;
}

/** A small memory figure as a bound ("under 5 MiB"), a larger one as an estimate ("about 53 MiB"). */
export const mibWords = (mib: number): string => (mib < 10 ? under(mib, 'MiB') : about(mib, 'MiB'));

/** A time in milliseconds: "about 200 ms" below a second, "over 6 seconds" from there. */
export const msWords = (ms: number): string => (ms < 1000 ? about(ms, 'ms') : over(ms / 1000, 'seconds'));

const WORDS = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve', 'thirteen', 'fourteen', 'fifteen', 'sixteen', 'seventeen', 'eighteen', 'nineteen', 'twenty'];
const TENS = ['', '', 'twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety'];

/** Whole numbers up to 99 in words, as the lessons write small counts ("twenty seconds"); digits beyond. */
export function numberWord(n: number): string {
	if (!Number.isInteger(n) || n < 0) throw new Error(`numberWord: wants a whole number, not ${n}`);
	if (n <= 20) return WORDS[n]!;
	if (n < 100) return n % 10 === 0 ? TENS[n / 10]! : `${TENS[Math.floor(n / 10)]}-${WORDS[n % 10]}`;
	return grouped(n);
}

/** 1 → "1st", 65 → "65th", 112 → "112th". */
export function ordinal(n: number): string {
	if (!Number.isInteger(n) || n < 0) throw new Error(`ordinal: wants a whole number, not ${n}`);
	const teen = n % 100 >= 11 && n % 100 <= 13;
	const suffix = teen ? 'th' : (['th', 'st', 'nd', 'rd'][n % 10] ?? 'th');
	return `${n.toLocaleString('en-US')}${suffix}`;
}

/** "one core", "two cores". */
export const countWords = (n: number, noun: string): string => `${numberWord(n)} ${noun}${n === 1 ? '' : 's'}`;

/**
 * A duration in minutes as prose: "a little over nine minutes" (550 s),
 * "about ten minutes", "a little under nine minutes" (530 s); seconds under
 * two minutes ("50 seconds").
 */
export function minutesWords(seconds: number): string {
	if (!(seconds > 0) || !Number.isFinite(seconds)) throw new Error(`minutesWords: wants a positive number of seconds, not ${seconds}`);
	if (seconds < 120) return `${Math.round(seconds)} seconds`;
	const minutes = seconds / 60;
	const whole = Math.round(minutes);
	const off = minutes - whole;
	// Within five seconds of a whole minute, "about" is exact enough.
	const how = Math.abs(off) * 60 <= 5 ? 'about' : off > 0 ? 'a little over' : 'a little under';
	return `${how} ${countWords(whole, 'minute')}`;
}

/** A fraction a person names, as a ratio to the whole. */
const FRACTIONS: [number, string][] = [
	[1 / 20, 'a twentieth'],
	[1 / 10, 'a tenth'],
	[1 / 8, 'an eighth'],
	[1 / 6, 'a sixth'],
	[1 / 5, 'a fifth'],
	[1 / 4, 'a quarter'],
	[1 / 3, 'a third'],
	[2 / 5, 'two fifths'],
	[1 / 2, 'half'],
	[2 / 3, 'two thirds'],
	[3 / 4, 'three quarters'],
];

/**
 * A ratio to a whole in words: 0.0968 → "about a tenth", 0.547 → "a little
 * over half", 0.036 → "under a twentieth", 0.98 → "about the same", 1.3 →
 * "about 1.3 times". Within 7% of a named fraction it is "about" it;
 * otherwise "a little over" or "a little under" the nearest one.
 */
export function fractionWords(ratio: number): string {
	if (!(ratio > 0) || !Number.isFinite(ratio)) throw new Error(`fractionWords: wants a positive ratio, not ${ratio}`);
	if (ratio < (1 / 20) * 0.93) return 'under a twentieth';
	if (Math.abs(ratio - 1) <= 0.07) return 'about the same';
	if (ratio > 1) return `about ${roundish(ratio).toLocaleString('en-US')} times`;
	// The nearest named fraction, measured as a factor either way.
	const [value, name] = FRACTIONS.reduce((best, f) => (Math.abs(Math.log(ratio / f[0])) < Math.abs(Math.log(ratio / best[0])) ? f : best));
	if (Math.abs(ratio / value - 1) <= 0.07) return `about ${name}`;
	// Between a twentieth and a tenth the nearest names are far apart.
	if (ratio < 1 / 10) return 'under a tenth';
	if (ratio > 3 / 4) return 'over three quarters';
	return `${ratio > value ? 'a little over' : 'a little under'} ${name}`;
}

/** "0.65×", as the tables print a ratio. */
export const times = (ratio: number): string => `${ratio.toFixed(2)}×`;

/** A relative difference as a whole percentage: 1.091 → "9%". */
export const percent = (ratio: number): string => `${Math.round(Math.abs(ratio - 1) * 100)}%`;

/** "A", "A and B", "A, B and C". */
export function listWords(items: string[]): string {
	if (items.length === 0) throw new Error('listWords: an empty list');
	return items.length === 1 ? items[0]! : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}

/** How much a figure grew: 2.58 → "more than doubled", 1.04 → "stayed about the same". */
export function growthWords(ratio: number): string {
	if (!(ratio > 0) || !Number.isFinite(ratio)) throw new Error(`growthWords: wants a positive ratio, not ${ratio}`);
	if (ratio >= 3) return 'more than tripled';
	if (ratio >= 2) return 'more than doubled';
	if (ratio >= 1.5) return 'grew by more than half';
	if (ratio > 1.1) return `grew by ${percent(ratio)}`;
	if (ratio >= 0.9) return 'stayed about the same';
	return `shrank by ${percent(ratio)}`;
}
