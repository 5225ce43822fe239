/**
 * A learner's progress: lessons read to the end, exercises whose tests
 * passed, and the last lesson opened (for "Resume" on the landing page).
 * Kept in localStorage under one key, as JSON:
 *
 *   { "version": 1,
 *     "lessons":   { "/api/errors/": 1764900000000 },   // read, first time (ms)
 *     "exercises": { "api/delete-user": 1764900000000 }, // passed, first time (ms)
 *     "last": { "path": "/api/errors/", "title": "Errors" } }
 *
 * Nothing here throws at a caller: storage that is blocked, full or holds
 * something unreadable comes back as a value the page can explain. A value
 * that cannot be read is never overwritten except by an explicit reset, so
 * a bug or a hand edit loses nothing until the learner decides.
 */
import { isQuotaError, PROGRESS_KEY } from './progress-key.ts';
import { asProgress, emptyProgress, loadProgress, parseProgress, type Progress, type Stored } from './progress-read.ts';

export { asProgress, emptyProgress, loadProgress, parseProgress };

export { PROGRESS_KEY };

export type { Progress, Stored };

export type Saved = { ok: true } | { ok: false; reason: 'full' | 'blocked' | 'unreadable' };

/** An export file: the progress with a label saying what it is, so an import can refuse anything else. */
export interface ExportFile {
	format: 'backend-rust-progress';
	exported: string;
	/** Who it is from, if the learner typed a name (for an instructor's summary). */
	name?: string;
	progress: Progress;
}

/** Writes progress; `replaceUnreadable` is for a reset or an import the learner confirmed. */
export function saveProgress(progress: Progress, storage: Storage | undefined = globalThis.localStorage, replaceUnreadable = false): Saved {
	if (!replaceUnreadable && loadProgress(storage).kind === 'unreadable') return { ok: false, reason: 'unreadable' };
	try {
		if (!storage) return { ok: false, reason: 'blocked' };
		storage.setItem(PROGRESS_KEY, JSON.stringify(progress));
		return { ok: true };
	} catch (error) {
		return { ok: false, reason: isQuotaError(error) ? 'full' : 'blocked' };
	}
}

/** Reads, changes and writes back; the change sees the latest value, from any tab. */
export function updateProgress(change: (progress: Progress) => void, storage: Storage | undefined = globalThis.localStorage): Saved {
	const stored = loadProgress(storage);
	if (stored.kind === 'blocked') return { ok: false, reason: 'blocked' };
	if (stored.kind === 'unreadable') return { ok: false, reason: 'unreadable' };
	const progress = stored.kind === 'progress' ? stored.progress : emptyProgress();
	change(progress);
	return saveProgress(progress, storage);
}

export function markExercisePassed(id: string, now = Date.now(), storage: Storage | undefined = globalThis.localStorage): Saved {
	return updateProgress((progress) => {
		progress.exercises[id] ??= now;
	}, storage);
}

/** Deletes the learner's progress (after they confirmed). */
export function resetProgress(storage: Storage | undefined = globalThis.localStorage): Saved {
	try {
		if (!storage) return { ok: false, reason: 'blocked' };
		storage.removeItem(PROGRESS_KEY);
		return { ok: true };
	} catch {
		return { ok: false, reason: 'blocked' };
	}
}

/** Both records in one: everything either has, each at its earliest time. An import loses nothing already here. */
export function mergeProgress(here: Progress, imported: Progress): Progress {
	const earliest = (a: Record<string, number>, b: Record<string, number>) => {
		const merged = { ...a };
		for (const [name, time] of Object.entries(b)) merged[name] = Math.min(merged[name] ?? time, time);
		return merged;
	};
	const merged: Progress = { version: 1, lessons: earliest(here.lessons, imported.lessons), exercises: earliest(here.exercises, imported.exercises) };
	const last = here.last ?? imported.last;
	if (last) merged.last = last;
	return merged;
}

export function exportFile(progress: Progress, name = '', now = new Date()): ExportFile {
	const file: ExportFile = { format: 'backend-rust-progress', exported: now.toISOString(), progress };
	if (name.trim()) file.name = name.trim();
	return file;
}

/** An export file's text, back to its progress and name, or a sentence saying why it is not one. */
export function parseExportFile(text: string): { progress: Progress; name: string | undefined } | string {
	let value: unknown;
	try {
		value = JSON.parse(text);
	} catch {
		return 'it is not valid JSON';
	}
	const record = value && typeof value === 'object' ? (value as Record<string, unknown>) : undefined;
	if (record?.['format'] !== 'backend-rust-progress') return 'it is not a progress file exported from this site';
	const progress = asProgress(record['progress']);
	if (typeof progress === 'string') return `its progress cannot be read: ${progress}`;
	return { progress, name: typeof record['name'] === 'string' && record['name'].trim() ? record['name'].trim() : undefined };
}

/** The sentence a page shows when progress could not be saved. */
export function whyNotSaved(reason: Exclude<Saved, { ok: true }>['reason']): string {
	switch (reason) {
		case 'full':
			return 'Your progress could not be saved: this browser’s storage for the site is full. Free some space (or export your progress to a file), then try again.';
		case 'blocked':
			return 'Your progress could not be saved: this browser does not let the site store anything (private browsing, or site data blocked).';
		case 'unreadable':
			return 'Your progress was not saved: the progress already stored in this browser cannot be read, and it is left as it is. Open Your progress to download it or reset it.';
	}
}
