/**
 * Reading a learner's progress (the record is described in
 * ./progress-store.ts): what the Your progress page needs as it loads, kept
 * apart from the writing, merging and exporting, which load when the
 * learner acts, so the page's script stays small.
 */
import { LESSON_PATH, PROGRESS_KEY } from './progress-key.ts';

export interface Progress {
	version: 1;
	lessons: Record<string, number>;
	exercises: Record<string, number>;
	last?: { path: string; title: string };
}

/** What the browser holds: progress, nothing yet, or a value that is not progress. */
export type Stored = { kind: 'progress'; progress: Progress } | { kind: 'empty' } | { kind: 'unreadable'; raw: string; problem: string } | { kind: 'blocked' };

export function emptyProgress(): Progress {
	return { version: 1, lessons: {}, exercises: {} };
}

/** A map of names to first times, or a sentence saying what is wrong with it. */
function timesIn(value: unknown, what: string): Record<string, number> | string {
	if (!value || typeof value !== 'object' || Array.isArray(value)) return `"${what}" is not a list of names and times`;
	const times: Record<string, number> = {};
	for (const [name, time] of Object.entries(value)) {
		if (typeof time !== 'number' || !Number.isFinite(time) || time < 0) return `"${what}" has a time that is not a number: ${name}`;
		times[name] = time;
	}
	return times;
}

/** Checks a parsed value and returns progress, or a sentence saying why it is not progress. */
export function asProgress(value: unknown): Progress | string {
	if (!value || typeof value !== 'object' || Array.isArray(value)) return 'it is not a progress record';
	const record = value as Record<string, unknown>;
	if (record['version'] !== 1) return `its version is ${JSON.stringify(record['version'])}, and this site reads version 1`;
	const lessons = timesIn(record['lessons'], 'lessons');
	if (typeof lessons === 'string') return lessons;
	const exercises = timesIn(record['exercises'], 'exercises');
	if (typeof exercises === 'string') return exercises;
	const progress: Progress = { version: 1, lessons, exercises };
	const last = record['last'] as Record<string, unknown> | undefined;
	// Only a page of this site: an imported file must not turn Resume into a link elsewhere (//host/).
	if (last && typeof last['path'] === 'string' && LESSON_PATH.test(last['path']) && typeof last['title'] === 'string') {
		progress.last = { path: last['path'], title: last['title'] };
	}
	return progress;
}

/** Parses stored or imported text. */
export function parseProgress(text: string): Progress | string {
	let value: unknown;
	try {
		value = JSON.parse(text);
	} catch {
		return 'it is not valid JSON';
	}
	return asProgress(value);
}

export function loadProgress(storage: Storage | undefined = globalThis.localStorage): Stored {
	let raw: string | null;
	try {
		if (!storage) return { kind: 'blocked' };
		raw = storage.getItem(PROGRESS_KEY);
	} catch {
		return { kind: 'blocked' };
	}
	if (raw === null) return { kind: 'empty' };
	const parsed = parseProgress(raw);
	return typeof parsed === 'string' ? { kind: 'unreadable', raw, problem: parsed } : { kind: 'progress', progress: parsed };
}
