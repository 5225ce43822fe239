import { describe, expect, it } from 'vitest';
import { belowGoal, causes, medianRun, scoresOf, table, type Report } from '../../scripts/lib/lighthouse-scores.ts';

/** The shape of a Lighthouse report, cut down to what is read. */
function report(performance: number, seo: number | null): Report {
	return {
		categories: {
			performance: {
				score: performance,
				auditRefs: [
					{ id: 'largest-contentful-paint', weight: 25, group: 'metrics', acronym: 'LCP' },
					{ id: 'cumulative-layout-shift', weight: 25, group: 'metrics', acronym: 'CLS' },
					{ id: 'render-blocking-insight', weight: 0, group: 'insights' },
					{ id: 'dom-size-insight', weight: 0, group: 'insights' },
				],
			},
			accessibility: { score: 1, auditRefs: [] },
			'best-practices': { score: 1, auditRefs: [] },
			seo: { score: seo, auditRefs: [{ id: 'is-crawlable', weight: 4.3 }] },
		},
		audits: {
			'largest-contentful-paint': { title: 'Largest Contentful Paint', score: 0.71, displayValue: '3.1 s' },
			'cumulative-layout-shift': { title: 'Cumulative Layout Shift', score: 1, displayValue: '0' },
			'render-blocking-insight': { title: 'Render blocking requests', score: 0, displayValue: 'Est savings of 300 ms' },
			'dom-size-insight': { title: 'Optimize DOM size', score: null },
			'is-crawlable': { title: 'Page is blocked from indexing', score: 0 },
		},
	};
}

describe('reading Lighthouse reports', () => {
	it('scores out of 100, an unscored category as 0', () => {
		expect(scoresOf(report(0.948, null))).toEqual({ performance: 95, accessibility: 100, 'best-practices': 100, seo: 0 });
	});

	it('holds performance to 95 and the other three to 100', () => {
		expect(belowGoal({ performance: 95, accessibility: 100, 'best-practices': 100, seo: 100 })).toEqual([]);
		expect(belowGoal({ performance: 94, accessibility: 100, 'best-practices': 99, seo: 100 })).toEqual(['performance', 'best-practices']);
	});

	it('names the metrics that lost points, then the failed insights', () => {
		expect(causes(report(0.8, 1), 'performance')).toEqual(['LCP 3.1 s', 'Render blocking requests: Est savings of 300 ms']);
		expect(causes(report(0.8, 0.9), 'seo')).toEqual(['Page is blocked from indexing']);
	});

	it('keeps the run with the median performance score, whatever the order', () => {
		const [slow, middle, fast] = [report(0.71, 1), report(0.9, 1), report(0.97, 1)];
		expect(medianRun([fast, slow, middle])).toBe(middle);
		expect(medianRun([slow])).toBe(slow);
	});

	it('prints a row per page and the worst of each column', () => {
		const rows = [
			{ page: '/', scores: { performance: 99, accessibility: 100, 'best-practices': 100, seo: 100 } },
			{ page: '/rust-book/ownership/', scores: { performance: 81, accessibility: 100, 'best-practices': 96, seo: 100 } },
		];
		expect(table(rows).split('\n')).toEqual([
			'page                   perf  a11y  best pr.  SEO',
			'/                        99   100       100  100',
			'/rust-book/ownership/    81   100        96  100',
			'worst                    81   100        96  100',
		]);
	});
});
