/**
 * Every exercise on a page has a duration in the page's frontmatter, and
 * the frontmatter names no exercise the page does not have:
 *
 *   exerciseMinutes:
 *     retry-policy: 20
 *
 * The course schedules add these to the lessons' `minutes`, so a missing or
 * stale key would make a schedule's times wrong without anyone seeing it.
 */

/** The remark frontmatter key holding the page's exercises, in page order. */
export const PAGE_EXERCISES = 'pageExercises';

export interface PageExercise {
	/** As `npm run exercise` takes it: `api/delete-user`. */
	id: string;
	/** The key in `exerciseMinutes`. */
	name: string;
	/** In the page (Check), or on the learner's machine (it needs PostgreSQL). */
	checked: 'page' | 'local';
}

/** Throws, naming the lesson and each key to add or remove, unless the keys are exactly `names`. */
export function checkExerciseMinutes(lesson: string, declared: unknown, names: readonly string[]): void {
	const keys = declared && typeof declared === 'object' ? Object.keys(declared) : [];
	const missing = names.filter((name) => !keys.includes(name));
	const extra = keys.filter((key) => !names.includes(key));
	if (!missing.length && !extra.length) return;
	const problems = [
		...missing.map((name) => `add exerciseMinutes.${name} (the page has this exercise; give it its minutes)`),
		...extra.map((key) => `remove exerciseMinutes.${key} (no exercise of that name is on the page)`),
	];
	throw new Error(`${lesson}: the frontmatter's exerciseMinutes does not match the page's exercises: ${problems.join('; ')}.`);
}
