/**
 * Where a learner's progress lives: one localStorage entry for the whole
 * site, no account; and what a lesson's address looks like. Their own
 * module, so the tiny script every lesson page carries
 * (./progress-marks.ts) can name them without importing the store.
 */
export const PROGRESS_KEY = 'backend-rust:progress';

/** A lesson's address on this site, /api/errors/: never another host's (//host/). */
export const LESSON_PATH = /^\/[a-z0-9-]+(?:\/[a-z0-9-]+)*\/$/;
