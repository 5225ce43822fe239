/**
 * `npm run bench:runner`: how fast the Run panel answers, measured in
 * Chromium on the built site (dist/, built first if missing). Prints:
 * - script and wasm bytes loaded before intent, and after the first run;
 * - click to first output on a page's first Run, over 10 fresh page loads
 *   (a new browser context each, so nothing is cached): once clicked with no
 *   sign of intent before (the click fetches runner, worker and wasm), once
 *   after the pointer rested on Run (the runner prepares the program then);
 * - click to first output on a warm page: a second Run of the same program,
 *   repeated (median of 15);
 * - edit to output on the local compile server (sandboxed, as `npm run
 *   playground` runs it), warm, for a std program and for a small axum
 *   program that answers a request through its router (median of 7 each).
 * Figures, not a pass/fail test: timings depend on the machine, so each is
 * a median with its spread. Both servers listen on free ports.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { spawnSync } from 'node:child_process';
import { join, resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { median } from '../../src/build/measurements/build-times.ts';
import { startPlaygroundServer } from '../playground/server.ts';
import { launch, pageIn } from '../lib/chromium.ts';
import { serveStatic } from '../lib/static-server.ts';
import { defineTask } from '../lib/task.ts';

const LESSON = '/getting-started/';
const WARM_RUNS = 15;
const FRESH_LOADS = 10;
/**
 * How long the pointer rests on Run before the click, in the first-Run-after-
 * intent figure: a learner's pointer reaches the panel, then the button, a
 * few hundred milliseconds before pressing it.
 */
const REST_BEFORE_CLICK_MS = 300;
/** Goals for click to first output: first Run after intent, and warm. */
const GOAL_FIRST_AFTER_INTENT_MS = 50;
const GOAL_WARM_MS = 20;
const EDIT_RUNS = 7;
/** Goals for warm edit-to-output on the compile server, on 2 cores. */
const GOAL_STD_MS = 1000;
const GOAL_AXUM_MS = 3000;

const STD_PROGRAM = (n: number) => `fn main() {\n    let total: u64 = (1..=${n}).sum();\n    println!("sum to ${n}: {total}");\n}\n`;
// A handler and a router, driven by one request without a socket.
const AXUM_PROGRAM = (n: number) => `use axum::{Router, body::Body, extract::Path, http::Request, routing::get};
use http_body_util::BodyExt;
use tower::ServiceExt;

async fn greet(Path(name): Path<String>) -> String {
    format!("hello, {name} (edit ${n})")
}

#[tokio::main]
async fn main() {
    let app = Router::new().route("/hello/{name}", get(greet));
    let response = app.oneshot(Request::get("/hello/ada").body(Body::empty()).unwrap()).await.unwrap();
    let body = response.into_body().collect().await.unwrap().to_bytes();
    println!("{}", String::from_utf8_lossy(&body));
}
`;

const ms = (value: number) => `${value.toFixed(1)} ms`;

/** Clicks Run on the first panel and resolves with the time until its first output, in ms. */
function clickToFirstOutput(page: Page): Promise<number> {
	return page.evaluate(
		() =>
			new Promise<number>((done) => {
				const panel = document.querySelector('br-runner')!;
				const output = panel.querySelector('[data-output]')!;
				let started = 0;
				const seen = new MutationObserver(() => {
					if (output.textContent) {
						seen.disconnect();
						done(performance.now() - started);
					}
				});
				seen.observe(output, { childList: true, subtree: true, characterData: true });
				started = performance.now();
				panel.querySelector<HTMLButtonElement>('button[data-action="run"]')!.click();
			}),
	);
}

async function waitForExit(page: Page) {
	await page.waitForFunction(() => /^(Exited|Ran|Did not)/.test(document.querySelector('br-runner [data-status]')?.textContent ?? ''), null, { timeout: 60_000 });
}

/**
 * Click to first output on a freshly loaded page's first Run, over
 * FRESH_LOADS loads. With `rest`, the pointer first rests on Run for
 * REST_BEFORE_CLICK_MS; without, the click is the page's first sign of intent.
 */
async function firstRuns(browser: Browser, url: string, rest: boolean): Promise<number[]> {
	const runs: number[] = [];
	for (let i = 0; i < FRESH_LOADS; i++) {
		const page = await pageIn(browser, 'light');
		await page.goto(url, { waitUntil: 'networkidle' });
		await page.evaluate(() => new Promise((done) => requestIdleCallback(() => done(null))));
		const panel = page.locator('br-runner').first();
		const run = panel.getByRole('button', { name: 'Run', exact: true });
		await run.scrollIntoViewIfNeeded();
		if (rest) {
			// The pointer enters the panel, which loads the runner, goes on to Run and rests there.
			await panel.hover({ position: { x: 2, y: 2 } });
			await page.waitForFunction(() => customElements.get('br-runner'));
			await run.hover();
			await page.waitForTimeout(REST_BEFORE_CLICK_MS);
		}
		runs.push(await clickToFirstOutput(page));
		await waitForExit(page);
		await page.context().close();
	}
	return runs;
}

export default defineTask({
	name: 'bench:runner',
	description: 'how fast the Run panel answers, in Chromium on the built site and with the local compile server',
	options: {},
	async run() {
		if (!existsSync('dist/index.html')) {
			console.log('dist/ is missing: building the site first');
			spawnSync('npx', ['astro', 'build', '--silent'], { stdio: 'inherit' });
		}
		const site = await serveStatic(resolve('dist'));
		const browser = await launch();
		try {
			const page = await pageIn(browser, 'light');
			const bytes = { beforeIntent: 0, afterRun: 0, edit: 0 };
			let phase: keyof typeof bytes = 'beforeIntent';
			const runnerBytes = { beforeIntent: 0, afterRun: 0, edit: 0 };
			page.on('response', async (response) => {
				const type = response.request().resourceType();
				if (type !== 'script' && !response.url().endsWith('.wasm') && !response.url().includes('/wasm/')) return;
				// The phase the request was answered in, not the one its body finished in.
				const which = phase;
				const size = (await response.body().catch(() => Buffer.alloc(0))).length;
				bytes[which] += size;
				// preload-helper is Vite's shared chunk, which Starlight's search imports on every page.
				if (/runner-element|wasi-worker|code-editor|\/wasm\//.test(response.url())) runnerBytes[which] += size;
			});
			await page.goto(site.url + LESSON, { waitUntil: 'networkidle' });
			await page.evaluate(() => new Promise((done) => requestIdleCallback(() => done(null))));
			await page.waitForLoadState('networkidle');
			phase = 'afterRun';
			await page.locator('br-runner').first().scrollIntoViewIfNeeded();
			const first = await clickToFirstOutput(page);
			await waitForExit(page);
			await page.waitForLoadState('networkidle');

			const warm: number[] = [];
			for (let i = 0; i < WARM_RUNS; i++) {
				warm.push(await clickToFirstOutput(page));
				await waitForExit(page);
			}

			phase = 'edit';
			// An empty folder for kept programs: the figures are compiles, and a
			// second bench run on this machine would otherwise reuse the first's.
			const programs = mkdtempSync(join(tmpdir(), 'bench-runner-programs-'));
			const { server, url: compileUrl } = await startPlaygroundServer({ origins: [site.url], limits: { ratePerMinute: 1000 }, programs });
			// Closed whatever happens: a failed edit must not leave the server running.
			let crates: string | null;
			let stdEdits: number[];
			let axumEdits: number[];
			try {
				const panel = page.locator('br-runner').first();
				await panel.evaluate((el, url) => (el.dataset['playground'] = url), compileUrl);
				await panel.getByRole('button', { name: 'Edit' }).click();
				const editor = page.locator('.runner-editor .cm-content');
				/** Replaces the editor's code, then times Run to first output; the output is checked. */
				const editAndRun = async (code: string, expected: string) => {
					await editor.click();
					await page.keyboard.press('Control+A');
					await page.keyboard.insertText(code);
					const took = await clickToFirstOutput(page);
					await waitForExit(page);
					const printed = await panel.locator('[data-output]').textContent();
					if (!printed?.includes(expected)) throw new Error(`expected "${expected}" in the output, got:\n${printed}`);
					return took;
				};
				// One run of each first, unmeasured: the page's first request and the
				// disk cache. The figures are warm edits, as a learner makes them.
				await editAndRun(STD_PROGRAM(0), 'sum to 0: 0');
				await editAndRun(AXUM_PROGRAM(0), 'hello, ada (edit 0)');
				stdEdits = [];
				axumEdits = [];
				for (let i = 1; i <= EDIT_RUNS; i++) {
					stdEdits.push(await editAndRun(STD_PROGRAM(i), `sum to ${i}: ${(i * (i + 1)) / 2}`));
					axumEdits.push(await editAndRun(AXUM_PROGRAM(i), `hello, ada (edit ${i})`));
				}
				crates = await panel.locator('[data-crates]').textContent();
			} finally {
				server.close();
				rmSync(programs, { recursive: true, force: true });
			}

			const cold = await firstRuns(browser, site.url + LESSON, false);
			const afterIntent = await firstRuns(browser, site.url + LESSON, true);

			console.log(`Run panel on ${LESSON} (built site, Chromium ${browser.version()})`);
			console.log(`  script before intent:           ${bytes.beforeIntent} B (runner code and wasm in it: ${runnerBytes.beforeIntent} B)`);
			console.log(`  loaded by the first run:        ${bytes.afterRun} B (runner, worker and wasm: ${runnerBytes.afterRun} B)`);
			console.log(`  loaded by the first Edit:       ${bytes.edit} B (the editor, CodeMirror with Rust highlighting)`);
			const figure = (runs: number[]) => `median ${ms(median(runs))}, min ${ms(Math.min(...runs))}, max ${ms(Math.max(...runs))} over ${runs.length} runs`;
			const loads = (runs: number[]) => `median ${ms(median(runs))}, min ${ms(Math.min(...runs))}, max ${ms(Math.max(...runs))} over ${runs.length} fresh page loads`;
			console.log(`  click to first output, 1st run, no intent before:      ${loads(cold)} (the click fetches runner, worker and wasm)`);
			console.log(`  click to first output, 1st run after intent:           ${loads(afterIntent)} (pointer on Run ${REST_BEFORE_CLICK_MS} ms before the click)`);
			console.log(`  click to first output, warm (2nd and later Runs):      ${figure(warm)} on one page (its first Run took ${ms(first)})`);
			console.log(`  edit to output, compile server, std program:  ${figure(stdEdits)}`);
			console.log(`  edit to output, compile server, axum program: ${figure(axumEdits)}`);
			console.log(`  the panel's crate note: ${crates}`);
			const met = (ok: boolean) => (ok ? 'met' : 'NOT met');
			console.log(
				`  goal: first output <= ${GOAL_FIRST_AFTER_INTENT_MS} ms after the click on a 1st run after intent (median): ${met(median(afterIntent) <= GOAL_FIRST_AFTER_INTENT_MS)}; ` +
					`warm <= ${GOAL_WARM_MS} ms (median): ${met(median(warm) <= GOAL_WARM_MS)}; 0 runner bytes before intent: ${met(runnerBytes.beforeIntent === 0)}`,
			);
			console.log(`  goal: warm edit to output, std <= ${GOAL_STD_MS / 1000} s: ${met(median(stdEdits) <= GOAL_STD_MS)}; axum <= ${GOAL_AXUM_MS / 1000} s: ${met(median(axumEdits) <= GOAL_AXUM_MS)}`);
		} finally {
			await browser.close();
			site.server.close();
		}
	},
});
