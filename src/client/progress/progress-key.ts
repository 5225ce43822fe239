/**
 * Where a learner's progress lives: one localStorage entry for the whole
 * site, no account. Its own module so the tiny script every lesson page
 * carries (./progress-marks.ts) can name it without importing the store.
 */
export const PROGRESS_KEY = 'backend-rust:progress';
