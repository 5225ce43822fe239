// The Run panel as a learner uses it, in real Chromium on the built site:
// real output, arguments and stdin, Stop, the time limit, the output cap, a
// panic, streaming, editing (kept across reloads) run on a local compile
// server (with the crates it offers), rustc's errors, an unreachable server,
// a server that refuses the page's origin, and a program the page cannot
// run (threads), which Run sends to the compile server unedited.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { describe, expect, inject, it, onTestFinished } from 'vitest';
import { startPlaygroundServer } from '../../scripts/playground/server.ts';
import { fixtureWasmRoot } from '../../src/build/workspace/runnable.ts';
import { COMPILE_SERVER_UNREACHABLE } from '../../src/client/runner/playground-client.ts';
import { lockedVersions } from '../../scripts/playground/crate-cache.ts';
import { examplesRoot } from '../../src/build/workspace/workspace.ts';
import { testPage } from './test-page.ts';
import { chromiumAndCompileServer, checkOn } from './compile-server.ts';
import { editTo, output, settle, status, stderr, transcriptOutput } from './run-panel.ts';
import { workspace } from '../../src/build/workspace/model.ts';

const LESSON = '/getting-started/';
const shown = (capture: string) => transcriptOutput(`getting-started/status-count/captures/${capture}`);

const lab = chromiumAndCompileServer();

async function lesson(theme: 'light' | 'dark' = 'light', width = 1280): Promise<{ page: Page; panel: Locator }> {
	const page = await testPage(lab.browser, theme, width);
	// Test-only programs (tests/fixtures/wasm) are served to this page alone.
	await page.route('**/test-fixtures/**', (route) => {
		const path = new URL(route.request().url()).pathname.replace('/test-fixtures/', '');
		return route.fulfill({ path: join(fixtureWasmRoot, path), contentType: 'application/wasm' });
	});
	await page.goto(inject('siteUrl') + LESSON, { waitUntil: 'networkidle' });
	return { page, panel: page.locator('br-runner').first() };
}

/** A second panel on the same page, running a misbehaving test program with the given arguments. */
async function fixturePanel(page: Page, args: string): Promise<Locator> {
	await page.locator('br-runner').first().hover();
	await page.waitForFunction(() => customElements.get('br-runner'));
	await page.evaluate((argv) => {
		const original = document.querySelector('br-runner')!;
		const panel = original.cloneNode(true) as HTMLElement;
		Object.assign(panel.dataset, { wasm: '/test-fixtures/tooling/runner-check/runner-check.wasm', bin: 'runner-check', files: '{}', source: 'test-fixture' });
		panel.id = 'fixture-panel';
		for (const el of panel.querySelectorAll('[id]')) el.id = `fixture-${el.id}`;
		for (const el of panel.querySelectorAll('label[for]')) el.setAttribute('for', `fixture-${el.getAttribute('for')}`);
		panel.querySelector<HTMLInputElement>('input[name="args"]')!.value = argv;
		original.after(panel);
	}, args);
	return page.locator('#fixture-panel');
}

/** What the program wrote to stdout: the output's plain text, outside the stderr and note spans. */
const stdout = (panel: Locator) =>
	output(panel).evaluate((el) => [...el.childNodes].filter((n) => n.nodeType === Node.TEXT_NODE).map((n) => n.textContent).join(''));

describe('Run panel', () => {
	it('loads nothing of the runner before the learner shows intent', async () => {
		const page = await testPage(lab.browser, 'light');
		const loaded: string[] = [];
		page.on('request', (r) => loaded.push(new URL(r.url()).pathname));
		await page.goto(inject('siteUrl') + LESSON, { waitUntil: 'networkidle' });
		const runnerFiles = () => loaded.filter((p) => /runner-element|wasi-worker|code-editor|\.wasm$/.test(p));
		expect(runnerFiles()).toEqual([]);
		await page.locator('br-runner').first().hover();
		await page.waitForFunction(() => customElements.get('br-runner'));
		expect(runnerFiles().some((p) => p.includes('runner-element'))).toBe(true);
		expect(runnerFiles().some((p) => p.endsWith('.wasm'))).toBe(false);
	});

	it('runs the compiled example and shows what the lesson shows', async () => {
		const { panel } = await lesson();
		await panel.getByRole('button', { name: 'Run', exact: true }).click();
		await expect.poll(() => status(panel).textContent()).toMatch(/^Exited with code 0 in \d+ ms\.$/);
		expect(await output(panel).textContent()).toBe(shown('run.txt'));
	});

	it('runs with the arguments and standard input the learner types, from the keyboard', async () => {
		const { page, panel } = await lesson();
		await panel.getByLabel('Arguments').fill('');
		await panel.getByText('Standard input', { exact: true }).first().click();
		await panel.locator('textarea[name="stdin"]').fill('::1 - - [24/Nov/2026:10:00:00 +0000] "GET / HTTP/1.1" 503 0\n');
		await panel.getByRole('button', { name: 'Run', exact: true }).focus();
		await page.keyboard.press('Enter');
		await expect.poll(() => status(panel).textContent()).toMatch(/^Exited with code 0/);
		expect(await output(panel).textContent()).toBe(shown('stdin.txt'));

		await panel.getByLabel('Arguments').fill('nowhere.log');
		await panel.getByLabel('Arguments').press('Control+Enter');
		await expect.poll(() => status(panel).textContent()).toMatch(/^Exited with code 1/);
		expect(await stderr(panel).textContent()).toBe('status-count: cannot open nowhere.log: No such file or directory (os error 44)\n');
	});

	it('announces the result to screen readers', async () => {
		const { panel } = await lesson();
		expect(await status(panel).getAttribute('role')).toBe('status');
	});

	it('streams output while the program is still running', async () => {
		const { page } = await lesson();
		const panel = await fixturePanel(page, 'slow');
		await panel.getByRole('button', { name: 'Run', exact: true }).click();
		await expect.poll(() => output(panel).textContent(), { timeout: 5000 }).toContain('step 1');
		expect(await status(panel).textContent()).toMatch(/^Running/);
		// The slow fixture runs for about as long as poll's default second: on a
		// loaded machine that default failed a correct run.
		await expect.poll(() => status(panel).textContent(), { timeout: 5000 }).toMatch(/^Exited with code 0/);
		expect(await output(panel).textContent()).toBe('step 1\nstep 2\nstep 3\n');
	});

	it('stops an endless loop, and the page still responds', async () => {
		const { page } = await lesson();
		const panel = await fixturePanel(page, 'spin');
		await panel.getByRole('button', { name: 'Run', exact: true }).click();
		await expect.poll(() => status(panel).textContent()).toMatch(/^Running/);
		const started = Date.now();
		expect(await page.evaluate(() => 6 * 7)).toBe(42);
		expect(Date.now() - started).toBeLessThan(1000);
		await panel.getByRole('button', { name: 'Stop' }).click();
		await expect.poll(() => status(panel).textContent()).toMatch(/^Stopped by you after/);
		expect(await panel.getByRole('button', { name: 'Stop' }).isHidden()).toBe(true);
		// And the panel runs again afterwards, in a fresh worker.
		await panel.getByLabel('Arguments').fill('exit 4');
		await panel.getByRole('button', { name: 'Run', exact: true }).click();
		await expect.poll(() => status(panel).textContent()).toMatch(/^Exited with code 4/);
	});

	it('ends a program that runs past the time limit', async () => {
		const { page } = await lesson();
		const panel = await fixturePanel(page, 'spin');
		await panel.getByRole('button', { name: 'Run', exact: true }).click();
		await expect.poll(() => status(panel).textContent(), { timeout: 15_000 }).toBe('Stopped: still running after the 10 s time limit.');
	});

	it('caps a program that prints forever, with a visible note', async () => {
		const { page } = await lesson();
		const panel = await fixturePanel(page, 'flood');
		await panel.getByRole('button', { name: 'Run', exact: true }).click();
		await expect.poll(() => status(panel).textContent()).toBe('Stopped: it printed more than 64 KB, the output limit.');
		const text = (await output(panel).textContent())!;
		expect(text.length).toBeLessThan(80 * 1024);
		expect(await panel.locator('.runner-note').textContent()).toBe('\n[output capped at 64 KB]\n');
	});

	it('shows a panic with its message and exit code 101', async () => {
		const { page } = await lesson();
		const panel = await fixturePanel(page, 'panic');
		await panel.getByRole('button', { name: 'Run', exact: true }).click();
		await expect.poll(() => status(panel).textContent()).toMatch(/^Panicked: exit code 101/);
		expect(await stderr(panel).allTextContents()).toEqual(
			expect.arrayContaining([expect.stringContaining('the checker asked for a panic')]),
		);
	});
});

describe('Edit and run', () => {
	it('runs edited code on the configured compile server, keeps the edit across a reload, and resets', async () => {
		const { page, panel } = await lesson();
		await checkOn(panel, lab.compileUrl);
		await editTo(page, panel, 'fn main() {\n    println!("edited: {}", 6 * 7);\n}\n');
		await panel.getByRole('button', { name: 'Run', exact: true }).click();
		await expect.poll(() => status(panel).textContent(), { timeout: 60_000 }).toBe('Ran on the compile server (Exited with status 0).');
		expect(await stdout(panel)).toBe('edited: 42\n');
		expect(await panel.locator('[data-edit-note]').textContent()).toMatch(/^Edited code runs on the course's compile server/);
		// The crates the server offers, as it lists them (examples/Cargo.lock's versions).
		const axum = lockedVersions(readFileSync(join(examplesRoot, 'Cargo.lock'), 'utf8')).get('axum');
		await expect.poll(() => panel.locator('[data-crates]').textContent()).toMatch(new RegExp(`^Besides the standard library, your edit may use: .*axum ${axum}, `));

		await page.reload({ waitUntil: 'networkidle' });
		await expect.poll(() => page.locator('.runner-editor .cm-content').textContent()).toContain('edited: {}');
		expect(await page.locator('br-runner').first().locator('[data-edit-note]').textContent()).toMatch(/^Your saved edit is restored/);

		await page.locator('br-runner').first().getByRole('button', { name: 'Reset' }).click();
		expect(await page.locator('.runner-editor').count()).toBe(0);
		expect(await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('backend-rust:edit:')))).toEqual([]);
	});

	it('mounts one editor when Edit is pressed twice while the editor loads', async () => {
		const { page, panel } = await lesson();
		await panel.hover();
		await page.waitForFunction(() => customElements.get('br-runner'));
		// Both before the editor's module has arrived (edit() awaits its import).
		await panel.evaluate(async (el) => {
			const runner = el as HTMLElement & { edit: () => Promise<void> };
			await Promise.all([runner.edit(), runner.edit()]);
		});
		const example = panel.locator('xpath=ancestor::div[contains(concat(" ", @class, " "), " example ")][1]');
		expect(await example.locator('.runner-editor').count()).toBe(1);
	});

	it("shows rustc's message for a type error", async () => {
		const { page, panel } = await lesson();
		await checkOn(panel, lab.compileUrl);
		await editTo(page, panel, 'fn main() {\n    let count: u32 = "many";\n}\n');
		await panel.getByRole('button', { name: 'Run', exact: true }).click();
		await expect.poll(() => status(panel).textContent(), { timeout: 60_000 }).toMatch(/^Did not succeed on the compile server/);
		expect(await stderr(panel).textContent()).toContain('error[E0308]: mismatched types');
	});

	it('says plainly when the compile server cannot be reached', async () => {
		const { page, panel } = await lesson();
		await panel.evaluate((el) => (el.dataset['playground'] = 'http://127.0.0.1:9'));
		await editTo(page, panel, 'fn main() {}\n');
		await panel.getByRole('button', { name: 'Run', exact: true }).click();
		await expect.poll(() => status(panel).textContent()).toBe(COMPILE_SERVER_UNREACHABLE);
		await expect.poll(() => panel.locator('[data-crates]').textContent()).toBe("Could not list the crates the course's compile server offers; the standard library is always there.");
	});

	it("is refused by a compile server that does not list the page's origin: the browser's preflight fails", async () => {
		const other = await startPlaygroundServer({ origins: ['http://localhost:4321'] });
		onTestFinished(() => void other.server.close());
		const { page, panel } = await lesson();
		const answers: number[] = [];
		page.on('response', (response) => {
			if (response.url().startsWith(other.url)) answers.push(response.status());
		});
		await checkOn(panel, other.url);
		await editTo(page, panel, 'fn main() { println!("cross-site"); }\n');
		await panel.getByRole('button', { name: 'Run', exact: true }).click();
		await expect.poll(() => status(panel).textContent(), { timeout: 30_000 }).toBe(COMPILE_SERVER_UNREACHABLE);
		expect(await stdout(panel)).not.toContain('cross-site');
		expect(answers).not.toContain(200);
	});

	it('still works when stored edits are unreadable or storage is full', async () => {
		const page = await testPage(lab.browser, 'light');
		await page.addInitScript(() => {
			localStorage.setItem('backend-rust:edit:getting-started/status-count/src/main.rs', '{corrupt');
			Storage.prototype.setItem = () => {
				throw new DOMException('full', 'QuotaExceededError');
			};
		});
		await page.goto(inject('siteUrl') + LESSON, { waitUntil: 'networkidle' });
		const panel = page.locator('br-runner').first();
		await panel.getByRole('button', { name: 'Run', exact: true }).click();
		await expect.poll(() => status(panel).textContent()).toMatch(/^Exited with code 0/);
		await panel.getByRole('button', { name: 'Edit' }).click();
		await page.locator('.runner-editor .cm-content').click();
		await page.keyboard.insertText('// mine\n');
		await expect.poll(() => panel.locator('[data-edit-note]').textContent()).toMatch(/would not store your edit/);
	});
});

describe('A program that cannot run in the page (in-page = false)', () => {
	// The first threaded program of the concurrency chapter that has a transcript.
	const threaded = workspace().runnables.find((r) => !r.inPage && r.capture && r.example === 'rust-book/concurrency')!;

	it('says where Run sends it and why before the click, then runs the unedited code there and shows what the lesson shows', async () => {
		expect(threaded, 'a threaded runnable in rust-book/concurrency').toBeDefined();
		const page = await testPage(lab.browser, 'light', 1280);
		await page.goto(`${inject('siteUrl')}/rust-book/concurrency/`, { waitUntil: 'networkidle' });
		const panel = page.locator(`br-runner[data-bin="${threaded.bin}"]`);
		// Before any script: the reason, from the crate's manifest, and no fields a server would ignore.
		expect(await panel.locator('[data-server-run]').textContent()).toContain(`not in the page: ${threaded.why}.`);
		expect(await panel.locator('input[name="args"], textarea[name="stdin"]').count()).toBe(0);
		expect(await panel.getAttribute('data-wasm')).toBeNull();

		await checkOn(panel, lab.compileUrl);
		await settle(panel);
		await panel.getByRole('button', { name: 'Run', exact: true }).click();
		await expect.poll(() => status(panel).textContent(), { timeout: 60_000 }).toBe('Ran on the compile server (Exited with status 0).');
		expect(await stdout(panel)).toBe(transcriptOutput(`${threaded.example}/${threaded.capture}`));
	});
});
