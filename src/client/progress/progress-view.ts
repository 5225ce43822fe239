/**
 * The Your progress page's report, filled in from what the browser holds:
 * each lesson read or not, each exercise passed or not, the totals, and a
 * sentence when storage is blocked or holds something unreadable. The
 * page's HTML lists every lesson and exercise (src/components/
 * ProgressReport.astro); this only sets their state, so the page reads the
 * same before and after, and a reader without script still sees the list.
 * It reads through ./progress-read.ts alone, so the page's script stays
 * within its budget; writing loads with the buttons (./progress-actions.ts).
 */
import { isQuotaError } from './progress-key.ts';
import { loadProgress, type Progress, type Stored } from './progress-read.ts';

/**
 * Whether the browser refuses a write the size of a few records: then the
 * lessons a learner reads are silently not marked (the lesson pages' small
 * script cannot say so), and this page must.
 */
function storageFull(): boolean {
	const probe = 'backend-rust:probe';
	try {
		localStorage.setItem(probe, 'x'.repeat(256));
		localStorage.removeItem(probe);
		return false;
	} catch (error) {
		return isQuotaError(error);
	}
}

function setState(element: Element, done: boolean, yes: string, no: string): void {
	element.toggleAttribute('data-done', done);
	const state = element.querySelector('[data-state]');
	if (state) state.textContent = done ? yes : no;
}

/** Shows `stored` in the report under `root`. */
export function showProgress(root: ParentNode, stored: Stored = loadProgress()): void {
	const progress: Progress | undefined = stored.kind === 'progress' ? stored.progress : undefined;
	const lessons = root.querySelectorAll<HTMLElement>('[data-lesson]');
	const exercises = root.querySelectorAll<HTMLElement>('[data-exercise]');
	let read = 0;
	let passed = 0;
	for (const lesson of lessons) {
		const done = progress?.lessons[lesson.dataset['lesson']!] !== undefined;
		if (done) read++;
		setState(lesson, done, 'Read', 'Not yet');
	}
	for (const exercise of exercises) {
		const done = progress?.exercises[exercise.dataset['exercise']!] !== undefined;
		if (done) passed++;
		setState(exercise, done, 'passed', 'not yet');
	}
	const totals = root.querySelector('[data-progress-totals]');
	if (totals) totals.textContent = `${read} of ${lessons.length} lessons read, ${passed} of ${exercises.length} exercises passed.`;
	// The sentences are in the page's HTML (blocked, unreadable, full), not here.
	const kind = stored.kind === 'progress' || stored.kind === 'empty' ? (storageFull() ? 'full' : '') : stored.kind;
	for (const problem of root.querySelectorAll<HTMLElement>('[data-problem]')) problem.hidden = problem.dataset['problem'] !== kind;
	const reason = root.querySelector('[data-problem-reason]');
	if (reason) reason.textContent = stored.kind === 'unreadable' ? stored.problem : '';
	// Only an unreadable value can be downloaded as it is.
	const raw = root.querySelector<HTMLElement>('[data-action="download-raw"]');
	if (raw) raw.hidden = stored.kind !== 'unreadable';
}
