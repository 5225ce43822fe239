/**
 * Reading Lighthouse reports (the JSON of `lighthouse --output=json`): the
 * four category scores of a page, whether they meet the site's goal, what
 * holds a category below it, and the table `npm run bench:lighthouse` prints.
 */

/** The part of a Lighthouse result (LHR) read here. */
export interface Report {
	categories: Record<string, { score: number | null; auditRefs: { id: string; weight: number; group?: string; acronym?: string }[] }>;
	audits: Record<string, { title: string; score: number | null; displayValue?: string }>;
	runtimeError?: { code: string; message: string };
}

export const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'] as const;
export type Category = (typeof CATEGORIES)[number];
export type Scores = Record<Category, number>;

/** Performance 95 and the other three 100, on every page. */
export const GOAL: Scores = { performance: 95, accessibility: 100, 'best-practices': 100, seo: 100 };

/** Scores out of 100; a category Lighthouse could not score counts as 0. */
export function scoresOf(report: Report): Scores {
	const score = (category: Category) => Math.round((report.categories[category]?.score ?? 0) * 100);
	return { performance: score('performance'), accessibility: score('accessibility'), 'best-practices': score('best-practices'), seo: score('seo') };
}

export function belowGoal(scores: Scores): Category[] {
	return CATEGORIES.filter((category) => scores[category] < GOAL[category]);
}

/**
 * What holds `category` down: its scored audits that lost points (for
 * performance, the metrics: "LCP 3.1 s"), then, for performance, the
 * insights that failed, which name the cause ("Render-blocking requests:
 * Est savings of 300 ms").
 */
export function causes(report: Report, category: Category): string[] {
	const refs = report.categories[category]?.auditRefs ?? [];
	const failing = (ref: { id: string }) => {
		const score = report.audits[ref.id]?.score;
		return score !== null && score !== undefined && score < 1;
	};
	const describe = (ref: { id: string; acronym?: string }) => {
		const audit = report.audits[ref.id]!;
		return `${ref.acronym ?? audit.title}${audit.displayValue ? `${ref.acronym ? ' ' : ': '}${audit.displayValue}` : ''}`;
	};
	const scored = refs.filter((ref) => ref.weight > 0 && failing(ref)).map(describe);
	const insights = refs.filter((ref) => ref.group === 'insights' && failing(ref)).map(describe);
	return [...scored, ...insights];
}

/** Of several runs of one page, the one with the median performance score (the higher middle one of an even number). */
export function medianRun(reports: Report[]): Report {
	const sorted = [...reports].sort((a, b) => scoresOf(a).performance - scoresOf(b).performance);
	return sorted[Math.floor(sorted.length / 2)]!;
}

const COLUMNS: [Category, string][] = [
	['performance', 'perf'],
	['accessibility', 'a11y'],
	['best-practices', 'best pr.'],
	['seo', 'SEO'],
];

/** A fixed-width table, one row per page, then the worst score of each column. */
export function table(rows: { page: string; scores: Scores }[]): string {
	const width = Math.max('worst'.length, ...rows.map((row) => row.page.length));
	const line = (page: string, cells: string[]) => [page.padEnd(width), ...cells.map((cell, i) => cell.padStart(COLUMNS[i]![1].length))].join('  ');
	const worst = COLUMNS.map(([category]) => Math.min(...rows.map((row) => row.scores[category])));
	return [
		line('page', COLUMNS.map(([, title]) => title)),
		...rows.map((row) => line(row.page, COLUMNS.map(([category]) => String(row.scores[category])))),
		line('worst', worst.map(String)),
	].join('\n');
}
