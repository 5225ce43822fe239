/**
 * `npm run bench:lighthouse`: Lighthouse (mobile, its default simulated
 * throttling) on every page of the built site, served by the preview server
 * (compressed, cached, with `_headers`) on a free port. Prints a table of
 * the four category scores per page and the worst of each, then what holds
 * each page below the goal (performance 95, the other three 100); exits 1
 * when any page is below it.
 *
 *   npm run bench:lighthouse                          every page of dist/
 *   npm run bench:lighthouse -- /cli/arguments/ /    only these pages
 *   npm run bench:lighthouse -- --dir <folder>        another built copy
 *   npm run bench:lighthouse -- --url <origin>        a server already running
 *   npm run bench:lighthouse -- --runs 3              the median of 3 runs a page
 *
 * Pages run one at a time, each in a fresh Chromium (Debian's, or
 * CHROME_PATH), since on a small machine two runs would slow each other's
 * measured main thread. The JSON reports are kept in a temporary folder,
 * named at the end, for the audits behind a score.
 *
 * The performance score moves with the machine's load: Lighthouse measures
 * the page's main-thread work and multiplies it by 4, so a core shared
 * with other work lengthens every task. `--runs` takes, for each page, the
 * run with the median performance score, as Lighthouse's documentation on
 * variability advises.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CHROMIUM } from '../lib/chromium.ts';
import { belowGoal, causes, GOAL, medianRun, scoresOf, table, type Report, type Scores } from '../lib/lighthouse-scores.ts';
import { ensurePrecompressed } from '../../src/hosting/precompress.ts';
import { serveStatic } from '../lib/static-server.ts';
import { defineTask } from '../lib/task.ts';

/** Every HTML file of the build, as the URL path a host serves it at. */
function pagesOf(dir: string): string[] {
	return readdirSync(dir, { recursive: true })
		.map(String)
		.filter((file) => file.endsWith('.html'))
		.map((file) => `/${file.split('\\').join('/')}`.replace(/(^|\/)index\.html$/, '$1'))
		.sort();
}

/** One Lighthouse run, by its command line; resolves with its report (a failed run has `runtimeError`). */
function lighthouse(url: string, output: string): Promise<Report> {
	const args = [
		fileURLToPath(import.meta.resolve('lighthouse/cli/index.js')),
		url,
		'--output=json',
		`--output-path=${output}`,
		'--quiet',
		'--only-categories=performance,accessibility,best-practices,seo',
		// As root, Chromium starts only without its sandbox.
		'--chrome-flags=--headless=new --no-sandbox --disable-gpu',
	];
	const env = { ...process.env, CHROME_PATH: process.env['CHROME_PATH'] ?? CHROMIUM };
	return new Promise((done, fail) => {
		const child = spawn(process.execPath, args, { env, stdio: ['ignore', 'ignore', 'pipe'] });
		let stderr = '';
		child.stderr.on('data', (chunk) => (stderr += chunk));
		child.on('error', fail);
		child.on('close', (status) => {
			if (existsSync(output)) done(JSON.parse(readFileSync(output, 'utf8')) as Report);
			else fail(new Error(`lighthouse ${url} ended with status ${status} and no report:\n${stderr}`));
		});
	});
}

/** `runs` runs of one page (each run once more if Lighthouse fails); the median one. */
async function measure(url: string, runs: number, output: (run: number) => string): Promise<{ report: Report; each: Report[] }> {
	const each: Report[] = [];
	for (let run = 1; run <= runs; run++) {
		let report = await lighthouse(url, output(run));
		// A busy machine sometimes loses the trace (NO_NAVSTART, NO_FCP), and
		// Lighthouse's own advice is to run again: once.
		if (report.runtimeError) {
			console.error(`${url}: ${report.runtimeError.code}; running it again`);
			report = await lighthouse(url, output(run));
		}
		each.push(report);
	}
	return { report: medianRun(each), each };
}

export default defineTask({
	name: 'bench:lighthouse',
	description: 'Lighthouse scores of every page through the preview server; fails below performance 95 or any other below 100',
	options: {
		dir: { type: 'string', valueName: 'FOLDER', description: 'the built site to serve and list pages from (default dist)' },
		url: { type: 'string', valueName: 'ORIGIN', description: 'measure a server already running instead of serving the folder' },
		runs: { type: 'string', integer: { min: 1, max: 9 }, description: 'runs a page, keeping the one with the median performance (default 1)' },
	},
	positionals: '[page…]',
	async run(values, positionals) {
		const dir = resolve(values.dir ?? 'dist');
		if (!existsSync(join(dir, 'index.html'))) {
			console.error(`No built site in ${dir}: run \`npm run build\` first.`);
			return 1;
		}
		const runs = values.runs ?? 1;
		const list = positionals.length > 0 ? positionals : pagesOf(dir);
		const reports = mkdtempSync(join(tmpdir(), 'lighthouse-'));
		// Served compressed, as any host serves a page (a fresh build gets its copies here, once).
		if (!values.url) for (const line of await ensurePrecompressed(dir)) console.log(line);
		const server = values.url ? undefined : await serveStatic(dir);
		const origin = values.url?.replace(/\/$/, '') ?? server!.url;
		const rows: { page: string; scores: Scores; report: Report }[] = [];
		try {
			for (const [index, page] of list.entries()) {
				const name = page.replace(/^\/|\/$/g, '').replace(/[/.]/g, '_') || 'home';
				const { report, each } = await measure(origin + page, runs, (run) => join(reports, runs === 1 ? `${name}.json` : `${name}-${run}.json`));
				const scores = scoresOf(report);
				rows.push({ page, scores, report });
				const spread = runs === 1 ? '' : ` (performance in each run: ${each.map((r) => scoresOf(r).performance).join(', ')})`;
				console.log(`[${index + 1}/${list.length}] ${page}: ${Object.values(scores).join(' ')}${spread}`);
			}
		} finally {
			server?.server.close();
		}

		console.log(`\n${table(rows)}\n`);
		const below = rows.filter((row) => belowGoal(row.scores).length > 0);
		for (const row of below) {
			for (const category of belowGoal(row.scores)) {
				const why = row.report.runtimeError ? [`${row.report.runtimeError.code}: ${row.report.runtimeError.message}`] : causes(row.report, category);
				console.log(`${row.page} ${category} ${row.scores[category]}: ${why.join('; ') || 'no failing audit'}`);
			}
		}
		const goal = Object.entries(GOAL)
			.map(([category, score]) => `${category} ${score}`)
			.join(', ');
		console.log(`${below.length === 0 ? 'Every page meets' : `${below.length} of ${rows.length} pages are below`} the goal (${goal}). Reports: ${reports}`);
		return below.length === 0 ? 0 : 1;
	},
});
