// The learner's progress as kept in localStorage: what counts as progress,
// what an import merges, and that storage which is full, blocked or holds
// something unreadable is reported, never thrown, and never overwritten.
import { describe, expect, it } from 'vitest';
import {
	emptyProgress,
	exportFile,
	loadProgress,
	markExercisePassed,
	mergeProgress,
	parseExportFile,
	parseProgress,
	PROGRESS_KEY,
	resetProgress,
	saveProgress,
	updateProgress,
} from '../../src/client/progress/progress-store.ts';

/** A Storage in memory, optionally full (every write refused as the browser refuses it) or blocked. */
function memoryStorage(initial: Record<string, string> = {}, mode: 'ok' | 'full' | 'blocked' = 'ok'): Storage {
	const items = new Map(Object.entries(initial));
	return {
		get length() {
			return items.size;
		},
		key: (i: number) => [...items.keys()][i] ?? null,
		getItem: (key: string) => {
			if (mode === 'blocked') throw new DOMException('The operation is insecure.', 'SecurityError');
			return items.get(key) ?? null;
		},
		setItem: (key: string, value: string) => {
			if (mode === 'full') throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
			if (mode === 'blocked') throw new DOMException('The operation is insecure.', 'SecurityError');
			items.set(key, value);
		},
		removeItem: (key: string) => void items.delete(key),
		clear: () => items.clear(),
	};
}

const sample = { version: 1 as const, lessons: { '/api/errors/': 10 }, exercises: { 'api/error-response': 20 }, last: { path: '/api/errors/', title: 'Errors that scale' } };

describe('reading progress', () => {
	it('reads what was saved, and nothing as empty', () => {
		const storage = memoryStorage();
		expect(loadProgress(storage)).toEqual({ kind: 'empty' });
		expect(saveProgress(sample, storage)).toEqual({ ok: true });
		expect(loadProgress(storage)).toEqual({ kind: 'progress', progress: sample });
	});

	it.each([
		['{not json', 'it is not valid JSON'],
		['[1, 2]', 'it is not a progress record'],
		['{"version": 2, "lessons": {}, "exercises": {}}', 'its version is 2, and this site reads version 1'],
		['{"version": 1, "lessons": [], "exercises": {}}', '"lessons" is not a list of names and times'],
		['{"version": 1, "lessons": {"/a/": "yesterday"}, "exercises": {}}', '"lessons" has a time that is not a number: /a/'],
	])('calls %s unreadable: %s', (raw, problem) => {
		expect(loadProgress(memoryStorage({ [PROGRESS_KEY]: raw }))).toEqual({ kind: 'unreadable', raw, problem });
		expect(parseProgress(raw)).toBe(problem);
	});

	it('keeps Resume to a page of this site: an address of another host is dropped, the rest kept', () => {
		for (const path of ['//evil.example/', '/\\evil.example/', 'https://evil.example/', '/api/../x/', '/api/errors']) {
			expect(parseProgress(JSON.stringify({ ...sample, last: { path, title: 'Bait' } }))).toEqual({ version: 1, lessons: sample.lessons, exercises: sample.exercises });
		}
	});

	it('reports blocked storage instead of throwing', () => {
		expect(loadProgress(memoryStorage({}, 'blocked'))).toEqual({ kind: 'blocked' });
		expect(loadProgress(undefined)).toEqual({ kind: 'blocked' });
	});
});

describe('writing progress', () => {
	it('says the storage is full when the browser refuses the write, and keeps what was there', () => {
		const storage = memoryStorage({ [PROGRESS_KEY]: JSON.stringify(sample) }, 'full');
		expect(markExercisePassed('api/json-rejection', 30, storage)).toEqual({ ok: false, reason: 'full' });
		expect(loadProgress(storage)).toEqual({ kind: 'progress', progress: sample });
	});

	it('never overwrites an unreadable value, except when the learner resets', () => {
		const storage = memoryStorage({ [PROGRESS_KEY]: '{broken' });
		expect(markExercisePassed('api/error-response', 1, storage)).toEqual({ ok: false, reason: 'unreadable' });
		expect(saveProgress(sample, storage)).toEqual({ ok: false, reason: 'unreadable' });
		expect(storage.getItem(PROGRESS_KEY)).toBe('{broken');
		expect(resetProgress(storage)).toEqual({ ok: true });
		expect(loadProgress(storage)).toEqual({ kind: 'empty' });
	});

	it('keeps the first time an exercise passed', () => {
		const storage = memoryStorage();
		markExercisePassed('api/error-response', 5, storage);
		markExercisePassed('api/error-response', 9, storage);
		expect(updateProgress(() => {}, storage)).toEqual({ ok: true });
		expect(loadProgress(storage)).toEqual({ kind: 'progress', progress: { ...emptyProgress(), exercises: { 'api/error-response': 5 } } });
	});
});

describe('export and import', () => {
	it('round-trips through an export file, with the name the learner typed', () => {
		const file = exportFile(sample, '  Ada  ', new Date('2026-12-05T08:00:00Z'));
		expect(file).toEqual({ format: 'backend-rust-progress', exported: '2026-12-05T08:00:00.000Z', name: 'Ada', progress: sample });
		expect(parseExportFile(JSON.stringify(file))).toEqual({ progress: sample, name: 'Ada' });
		expect(parseExportFile(JSON.stringify(exportFile(sample, '')))).toEqual({ progress: sample, name: undefined });
	});

	it.each([
		['not json', 'it is not valid JSON'],
		['{"version": 1, "lessons": {}, "exercises": {}}', 'it is not a progress file exported from this site'],
		['{"format": "backend-rust-progress", "progress": {"version": 1}}', 'its progress cannot be read: "lessons" is not a list of names and times'],
	])('refuses %s: %s', (text, reason) => {
		expect(parseExportFile(text)).toBe(reason);
	});

	it('merges without losing anything either side has, each at its earliest time', () => {
		const here = { version: 1 as const, lessons: { '/a/': 5, '/b/': 7 }, exercises: {}, last: { path: '/b/', title: 'B' } };
		const imported = { version: 1 as const, lessons: { '/a/': 3, '/c/': 9 }, exercises: { 'api/x': 4 }, last: { path: '/c/', title: 'C' } };
		expect(mergeProgress(here, imported)).toEqual({ version: 1, lessons: { '/a/': 3, '/b/': 7, '/c/': 9 }, exercises: { 'api/x': 4 }, last: { path: '/b/', title: 'B' } });
	});
});
