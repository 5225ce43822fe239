/**
 * <br-runner>: the Run panel under a runnable code block. The include step
 * renders its markup (Run, Edit, Arguments, Standard input, the files); this
 * module, loaded on the learner's first sign of intent, brings it to life.
 *
 * Unedited code runs the committed wasm in a Web Worker (./wasm-run.ts).
 * Edited code goes to the Playground configured in astro.config.mjs
 * (./playground-client.ts), since only a compiler can run it. An exercise's
 * panel has no wasm: Run and Check (the code followed by the exercise's
 * tests, run with cargo test) always go to the Playground.
 */
import { markExercisePassed, whyNotSaved } from '../progress/progress-store.ts';
import { splitArgs } from '../../shared/args.ts';
import { exerciseCommand } from '../../shared/exercise-command.ts';
import type { CodeEditor } from './code-editor.ts';
import { clearEdit, loadEdit, saveEdit } from './edit-store.ts';
import { cratesNote, execute, isPublicPlayground, listCrates, PlaygroundRefused, PlaygroundUnreachable, serverName, type OfferedCrate } from './playground-client.ts';
import { playgroundLink } from '../../shared/playground-link.ts';
import { parseTestReport, programWithTests, testTitle, type TestReport } from '../../shared/test-report.ts';
import { OUTPUT_CAP_BYTES, runWasm, TIME_LIMIT_MS, type EndReason } from './wasm-run.ts';
import { prepareOnIntent } from './prepare-on-intent.ts';
// The WebAssembly lesson's demo shares this module's lazy loader (RunnerLoader.astro).
import { wireDemos } from '../logstat-demo/demo.ts';

/** One request per server and page: every panel shows the same list. */
const offered = new Map<string, Promise<OfferedCrate[] | undefined>>();

const seconds = (ms: number) => (ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(1)} s`);

class Runner extends HTMLElement {
	#wired = false;
	#stop: (() => void) | undefined;
	#editor: CodeEditor | undefined;
	#host: HTMLElement | undefined;
	/** The editor being loaded: a second Edit meanwhile waits for it instead of mounting another. */
	#mounting: Promise<void> | undefined;
	#pending = '';
	#flush = 0;

	connectedCallback() {
		if (this.#wired) return;
		this.#wired = true;
		this.addEventListener('click', (event) => {
			const button = (event.target as Element).closest<HTMLButtonElement>('button[data-action]');
			if (!button || !this.contains(button)) return;
			const action = button.dataset['action'];
			if (action === 'run') void this.run();
			else if (action === 'check') void this.check();
			else if (action === 'stop') this.#stop?.();
			else if (action === 'edit') void this.edit();
			else if (action === 'reset') this.reset();
		});
		this.#link.addEventListener('click', () => (this.#link.href = playgroundLink(this.code)));
		this.addEventListener('keydown', (event) => {
			// Ctrl/Cmd+Enter runs from the editor or any field of the panel.
			if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
				event.preventDefault();
				void this.run();
			}
		});
		if (loadEdit(this.#key) !== undefined) void this.edit(false);
	}

	get #key() {
		return this.dataset['source'] ?? '';
	}
	/** The include step's wrapper: it holds the block, this panel, and the code in `data-code`. */
	get #example(): HTMLElement | null {
		return this.closest<HTMLElement>('[data-example]');
	}
	get #block(): HTMLElement | null {
		return this.#example?.querySelector<HTMLElement>(':scope > .expressive-code') ?? null;
	}
	get original(): string {
		return this.#example?.dataset['code'] ?? '';
	}
	get code(): string {
		return this.#editor?.code() ?? this.original;
	}
	get #link() {
		return this.querySelector<HTMLAnchorElement>('a[data-playground-link]')!;
	}
	#part<T extends HTMLElement>(selector: string): T {
		return this.querySelector<T>(selector)!;
	}

	#status(text: string) {
		this.#part('[data-status]').textContent = text;
	}

	#write(text: string, stream: 'stdout' | 'stderr' | 'note') {
		// Batched into one DOM update per frame: a chatty program must not
		// make the page itself slow.
		const output = this.#part('[data-output]');
		if (stream === 'stdout') {
			this.#pending += text;
			this.#flush ||= requestAnimationFrame(() => this.#drain());
			return;
		}
		this.#drain();
		const className = stream === 'stderr' ? 'runner-stderr' : 'runner-note';
		const last = output.lastChild;
		if (last instanceof HTMLSpanElement && last.className === className) {
			last.append(text);
			return;
		}
		const span = document.createElement('span');
		span.className = className;
		span.textContent = text;
		output.append(span);
	}

	#drain() {
		cancelAnimationFrame(this.#flush);
		this.#flush = 0;
		if (this.#pending) this.#part('[data-output]').append(this.#pending);
		this.#pending = '';
	}

	get #isExercise() {
		return this.dataset['tests'] !== undefined;
	}

	get #endpoint() {
		return this.dataset['playground'] ?? '';
	}
	get #token() {
		return this.dataset['playgroundToken'];
	}
	/** "the Playground" or "the compile server", for the status line. */
	get #onServer() {
		return isPublicPlayground(this.#endpoint) ? 'the Playground' : 'the compile server';
	}

	/** The "where does edited code go" note; an exercise has no arguments or input to lose. */
	#editNote(restored: boolean, kept = true) {
		const name = serverName(this.#endpoint);
		const where = this.#isExercise
			? `Run and Check compile your code on ${name}.`
			: `Edited code runs on ${name}, without the arguments and input below.`;
		if (!kept) return `${where} This browser would not store your edit, so it will be lost on reload.`;
		return restored ? `Your saved edit is restored. ${where}` : `${where} Your edit is kept in this browser.`;
	}

	#begin(label: string) {
		this.#stop?.();
		this.#part('[data-result]').hidden = false;
		this.#part('[data-output]').textContent = '';
		const list = this.querySelector<HTMLElement>('[data-test-list]');
		if (list) {
			list.replaceChildren();
			list.hidden = true;
		}
		this.#pending = '';
		this.#status(label);
		this.#part<HTMLButtonElement>('[data-action="stop"]').hidden = false;
		this.toggleAttribute('data-running', true);
	}

	#finish(summary: string) {
		this.#drain();
		this.#stop = undefined;
		this.#status(summary);
		this.#part<HTMLButtonElement>('[data-action="stop"]').hidden = true;
		this.toggleAttribute('data-running', false);
	}

	async run() {
		const edited = this.#editor !== undefined && this.code !== this.original;
		if (edited || this.dataset['wasm'] === undefined) return this.#runOnPlayground();
		let args: string[];
		try {
			args = splitArgs(this.#part<HTMLInputElement>('input[name="args"]').value);
		} catch (error) {
			this.#part('[data-result]').hidden = false;
			this.#status(`Not run: ${(error as Error).message}.`);
			return;
		}
		this.#begin(`Running ${this.dataset['bin']}…`);
		try {
			this.#stop = await runWasm(
				{
					wasm: this.dataset['wasm']!,
					bin: this.dataset['bin']!,
					args,
					stdin: this.#part<HTMLTextAreaElement>('textarea[name="stdin"]').value,
					files: JSON.parse(this.dataset['files'] ?? '{}') as Record<string, string>,
				},
				{
					output: (stream, text) => this.#write(text, stream),
					exit: (code, panicked, ms) =>
						this.#finish(panicked ? `Panicked: exit code ${code}, after ${seconds(ms)}.` : `Exited with code ${code} in ${seconds(ms)}.`),
					crash: (message) => this.#finish(`The program crashed: ${message}`),
					ended: (reason: EndReason, ms) => {
						const why = {
							stopped: `Stopped by you after ${seconds(ms)}.`,
							'time-limit': `Stopped: still running after the ${TIME_LIMIT_MS / 1000} s time limit.`,
							'output-cap': `Stopped: it printed more than ${OUTPUT_CAP_BYTES / 1024} KB, the output limit.`,
						}[reason];
						if (reason === 'output-cap') this.#write(`\n[output capped at ${OUTPUT_CAP_BYTES / 1024} KB]\n`, 'note');
						this.#finish(why);
					},
				},
			);
		} catch (error) {
			this.#finish(`Could not start the program: ${(error as Error).message}`);
		}
	}

	async #runOnPlayground() {
		this.#begin(`Compiling and running ${this.code === this.original ? 'the' : 'your edited'} code on ${serverName(this.#endpoint)}…`);
		const controller = { cancelled: false };
		this.#stop = () => {
			controller.cancelled = true;
			this.#finish('Stopped: the result of this run will be ignored.');
		};
		try {
			const result = await execute(this.#endpoint, this.code, { token: this.#token });
			if (controller.cancelled) return;
			if (result.stderr) this.#write(result.stderr.endsWith('\n') ? result.stderr : `${result.stderr}\n`, 'stderr');
			this.#write(result.stdout, 'stdout');
			const detail = result.exitDetail ? ` (${result.exitDetail})` : '';
			this.#finish(result.success ? `Ran on ${this.#onServer}${detail}.` : `Did not succeed on ${this.#onServer}${detail}: see the messages above.`);
		} catch (error) {
			if (controller.cancelled) return;
			this.#finish(error instanceof PlaygroundUnreachable || error instanceof PlaygroundRefused ? error.message : `The server failed: ${(error as Error).message}`);
		}
	}

	/** Compiles the code with the exercise's tests on the Playground and lists each test's result. */
	async check() {
		this.#begin(`Compiling your code with the tests on ${serverName(this.#endpoint)}…`);
		const controller = { cancelled: false };
		this.#stop = () => {
			controller.cancelled = true;
			this.#finish('Stopped: the result of this check will be ignored.');
		};
		try {
			const result = await execute(this.#endpoint, programWithTests(this.code, this.dataset['tests'] ?? ''), { tests: true, token: this.#token });
			if (controller.cancelled) return;
			const report = parseTestReport(result.stdout);
			if (report.tests.length === 0) {
				// Nothing ran: a compile error (or a server error), which stderr explains.
				this.#write(result.stderr.endsWith('\n') ? result.stderr : `${result.stderr}\n`, 'stderr');
				this.#finish(`No test ran: your code did not compile with the tests${result.exitDetail ? ` (${result.exitDetail})` : ''}. The compiler's messages are below.`);
				return;
			}
			this.#listTests(report);
			this.#finish(
				report.failed === 0
					? `All ${report.passed} tests passed. ${this.#recordPassed()}Compare your code with the solution below.`
					: `${report.passed} of ${report.tests.length} tests passed; ${report.failed} failed. Each failure says why below.`,
			);
		} catch (error) {
			if (controller.cancelled) return;
			this.#finish(error instanceof PlaygroundUnreachable || error instanceof PlaygroundRefused ? error.message : `The server failed: ${(error as Error).message}`);
		}
	}

	/** Records the exercise as passed in the learner's progress; says so, or why it could not. */
	#recordPassed(): string {
		const id = this.dataset['exerciseId'];
		if (!id) return '';
		const saved = markExercisePassed(id);
		return saved.ok ? 'It is marked as passed in your progress. ' : `${whyNotSaved(saved.reason)} `;
	}

	/** Under the edit note: which crates the edit may use, as the server lists them. */
	async #showCrates() {
		let note = this.querySelector<HTMLElement>('[data-crates]');
		if (!note) {
			note = document.createElement('p');
			note.className = 'runner-crates';
			note.dataset['crates'] = '';
			note.setAttribute('aria-live', 'polite');
			this.#part('[data-edit-note]').after(note);
		}
		note.hidden = false;
		if (!offered.has(this.#endpoint)) offered.set(this.#endpoint, listCrates(this.#endpoint, { token: this.#token }));
		const crates = await offered.get(this.#endpoint);
		// A failed lookup is asked again on the next Edit (the server may be up by then).
		if (!crates) offered.delete(this.#endpoint);
		note.textContent = cratesNote(crates, serverName(this.#endpoint)) + this.#missingNote(crates);
	}

	/**
	 * For an exercise: the crates its code needs (listed by the build in
	 * data-needs) that this server does not offer, so the learner knows a
	 * failed Check is the server's gap, not their mistake, and where to go.
	 */
	#missingNote(crates: OfferedCrate[] | undefined): string {
		const needs = this.querySelector<HTMLElement>('[data-needs]')?.dataset['needs']?.split(' ').filter(Boolean) ?? [];
		const missing = crates ? needs.filter((name) => !crates.some((c) => c.name === name)) : [];
		if (missing.length === 0) return '';
		const command = this.dataset['exerciseId'] ? exerciseCommand(this.dataset['exerciseId']) : 'npm run playground';
		return ` It lacks ${missing.join(', ')}, which this exercise needs, so Check cannot compile it there: check it with the course's compile server (npm run playground) or on your machine (${command}).`;
	}

	#listTests(report: TestReport) {
		const list = this.#part('[data-test-list]');
		for (const test of report.tests) {
			const item = document.createElement('li');
			item.className = test.passed ? 'runner-test-passed' : 'runner-test-failed';
			const verdict = document.createElement('strong');
			verdict.textContent = test.passed ? 'Passed: ' : 'Failed: ';
			item.append(verdict, testTitle(test.name));
			if (!test.passed && test.message) {
				const why = document.createElement('pre');
				why.textContent = test.message;
				item.append(why);
			}
			list.append(item);
		}
		list.hidden = false;
	}

	async edit(focus = true) {
		if (this.#editor) return this.#editor.focus();
		// Two Edits while the editor's module loads (a double click, a slow
		// network) would mount two editors, and Check would send the one the
		// learner is not typing in.
		this.#mounting ??= this.#mountEditor(focus).finally(() => (this.#mounting = undefined));
		return this.#mounting;
	}

	async #mountEditor(focus: boolean) {
		const block = this.#block;
		if (!block) return;
		const { mountEditor } = await import('./code-editor.ts');
		// Before the block, so the block stays right above its source line.
		const host = (this.#host = document.createElement('div'));
		host.className = 'runner-editor';
		block.before(host);
		block.hidden = true;
		const start = loadEdit(this.#key) ?? this.original;
		this.#editor = mountEditor(host, start, `Edit ${this.dataset['bin']}: Rust code`, (code) => {
			const saved = code === this.original ? (clearEdit(this.#key), true) : saveEdit(this.#key, code);
			this.#part('[data-edit-note]').textContent = this.#editNote(false, saved);
		});
		this.#part('[data-edit-note]').textContent = start === this.original ? '' : this.#editNote(true);
		this.#part<HTMLButtonElement>('[data-action="edit"]').hidden = true;
		this.#part<HTMLButtonElement>('[data-action="reset"]').hidden = false;
		void this.#showCrates();
		if (focus) this.#editor.focus();
	}

	reset() {
		this.#editor?.destroy();
		this.#editor = undefined;
		this.#host?.remove();
		this.#host = undefined;
		if (this.#block) this.#block.hidden = false;
		clearEdit(this.#key);
		this.#part('[data-edit-note]').textContent = 'Back to the original code.';
		const crates = this.querySelector<HTMLElement>('[data-crates]');
		if (crates) crates.hidden = true;
		this.#part<HTMLButtonElement>('[data-action="edit"]').hidden = false;
		this.#part<HTMLButtonElement>('[data-action="reset"]').hidden = true;
		this.#part<HTMLButtonElement>('[data-action="edit"]').focus();
	}
}

if (!customElements.get('br-runner')) customElements.define('br-runner', Runner);
wireDemos();
// From now on, a panel the learner points at or focuses gets its program ready before Run.
prepareOnIntent();
