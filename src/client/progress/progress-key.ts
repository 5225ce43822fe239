/**
 * Where a learner's progress lives: one localStorage entry for the whole
 * site, no account; and what a lesson's address looks like. Their own
 * module, so the tiny script every lesson page carries
 * (./progress-marks.ts) can name them without importing the store.
 */
export const PROGRESS_KEY = 'backend-rust:progress';

/** Whether a failed write failed because the site's storage is full (Firefox before 2021 named it differently). */
export function isQuotaError(error: unknown): boolean {
	return error instanceof DOMException && (error.name === 'QuotaExceededError' || error.name === 'NS_ERROR_DOM_QUOTA_REACHED');
}

/** A lesson's address on this site, /api/errors/: never another host's (//host/). */
export const LESSON_PATH = /^\/[a-z0-9-]+(?:\/[a-z0-9-]+)*\/$/;
