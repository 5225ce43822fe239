/**
 * The only progress code a page carries before the learner acts, so it is
 * kept to a few hundred bytes and does not import ./progress-store.ts:
 *
 * - marks each lesson read in the sidebar (`data-read` on its link; the
 *   mark's room is reserved by CSS, so it shifts nothing);
 * - on a lesson, remembers it as the place to resume, and records it as
 *   read once its end has been on screen;
 * - on the landing page, fills in the "Resume" link.
 *
 * A stored value it cannot read is left alone, never overwritten: the
 * Your progress page explains it and lets the learner decide. A write that
 * fails (storage full or blocked) is dropped here; the Your progress page
 * says why nothing is saved (it tries a write of its own).
 */
import { LESSON_PATH, PROGRESS_KEY } from './progress-key.ts';

interface Marks {
	version: 1;
	lessons: Record<string, number>;
	exercises: object;
	last?: { path: string; title: string };
}

/** A map of names to times, as ./progress-read.ts's asProgress accepts them (kept short here). */
const times = (value: unknown) => !!value && typeof value === 'object' && !Array.isArray(value) && Object.values(value).every((t) => Number.isFinite(t) && t >= 0);

const read = (): Marks | undefined => {
	try {
		const raw = localStorage.getItem(PROGRESS_KEY);
		const value = raw === null ? { version: 1, lessons: {}, exercises: {} } : JSON.parse(raw);
		if (value?.version === 1 && times(value.lessons) && times(value.exercises)) return value;
	} catch {
		// blocked storage or unreadable JSON: nothing to show, nothing to write
	}
	return undefined;
};

const show = (marks: Marks) => {
	for (const link of document.querySelectorAll<HTMLAnchorElement>('#starlight__sidebar a')) {
		if (marks.lessons[link.getAttribute('href')!] !== undefined) link.dataset['read'] = '';
	}
	const resume = document.querySelector<HTMLElement>('[data-resume]');
	const last = marks.last;
	if (resume && last && LESSON_PATH.test(last.path)) {
		const link = resume.querySelector('a')!;
		link.href = last.path;
		link.textContent = last.title;
		resume.hidden = false;
	}
};

const update = (change: (marks: Marks) => void) => {
	const marks = read();
	if (!marks) return;
	change(marks);
	try {
		localStorage.setItem(PROGRESS_KEY, JSON.stringify(marks));
	} catch {
		// full or blocked: see above
	}
	show(marks);
};

const marks = read();
if (marks) show(marks);

const end = document.querySelector<HTMLElement>('[data-lesson-end]');
if (end) {
	const path = end.dataset['lessonEnd']!;
	update((m) => (m.last = { path, title: end.dataset['title']! }));
	new IntersectionObserver((entries, observer) => {
		if (entries.some((entry) => entry.isIntersecting)) {
			observer.disconnect();
			update((m) => (m.lessons[path] ??= Date.now()));
		}
	}).observe(end);
}
