// The course kit's build-time checks: exercise durations match the page's
// exercises, schedules add up and refuse what does not exist, and code-line
// link ids are stable and unique on a page.
import { describe, expect, it } from 'vitest';
import { checkExerciseMinutes } from '../../src/build/markdown/exercise-minutes.ts';
import { lineLinkIds } from '../../src/build/markdown/line-link-ids.ts';
import { DAY_MINUTES, hoursAndMinutes, resolveSchedule, schedules } from '../../src/build/schedules.ts';
import type { CurriculumPart } from '../../src/build/lessons.ts';

describe('exerciseMinutes', () => {
	it('passes when it names exactly the exercises on the page', () => {
		expect(() => checkExerciseMinutes('l.mdx', { a: 10, b: 5 }, ['b', 'a'])).not.toThrow();
		expect(() => checkExerciseMinutes('l.mdx', undefined, [])).not.toThrow();
	});

	it('names each exercise to add and each key to remove', () => {
		expect(() => checkExerciseMinutes('l.mdx', { a: 10, old: 5 }, ['a', 'b'])).toThrow(
			"l.mdx: the frontmatter's exerciseMinutes does not match the page's exercises: add exerciseMinutes.b (the page has this exercise; give it its minutes); remove exerciseMinutes.old (no exercise of that name is on the page).",
		);
	});
});

describe('line link ids', () => {
	it('are made of the file and the region, with a number for a repeat', () => {
		const id = lineLinkIds();
		expect(id('api/steps/05-errors/src/error.rs', 'into_response')).toBe('error-rs-into-response');
		expect(id('going-further/job-queue/migrations/2026_create.sql', undefined)).toBe('2026-create-sql');
		expect(id('api/steps/05-errors/src/error.rs', 'into_response')).toBe('error-rs-into-response-2');
		expect(lineLinkIds()('api/steps/05-errors/src/error.rs', 'into_response')).toBe('error-rs-into-response');
	});
});

const lesson = (path: string, minutes: number, exercises: [string, number][] = []) => ({
	path,
	title: path,
	minutes,
	exercises: exercises.map(([name, m]) => ({ id: `p/${name}`, name, checked: 'page' as const, minutes: m })),
});
const parts: CurriculumPart[] = [{ label: 'P', lessons: [lesson('/a/', 30, [['x', 10], ['y', 15]]), lesson('/b/', 200)] }];

describe('schedules', () => {
	it('time each lesson as its minutes plus the exercises done in class, and each day as their sum', () => {
		const [day] = resolveSchedule({ id: 's', days: [{ title: 'D', items: [{ lesson: '/a/', exercises: ['y'] }, { lesson: '/b/' }] }] }, parts);
		expect(day!.items.map((item) => item.minutes)).toEqual([45, 200]);
		expect(day!.minutes).toBe(245);
	});

	it('refuse a lesson or an exercise that does not exist, and a day over a teaching day', () => {
		expect(() => resolveSchedule({ id: 's', days: [{ title: 'D', items: [{ lesson: '/nope/' }] }] }, parts)).toThrow('Schedule s, day 1: no lesson at /nope/.');
		expect(() => resolveSchedule({ id: 's', days: [{ title: 'D', items: [{ lesson: '/a/', exercises: ['z'] }] }] }, parts)).toThrow('Schedule s, day 1: /a/ has no exercise z (it has x, y).');
		expect(() => resolveSchedule({ id: 's', days: [{ title: 'D', items: [{ lesson: '/b/' }, { lesson: '/b/' }] }] }, parts)).toThrow(
			`Schedule s, day 1 ("D") takes 400 minutes, more than a teaching day of ${DAY_MINUTES}: move a lesson or drop an exercise.`,
		);
	});

	it('are a taster of one day, a course of three and one of five', () => {
		expect(schedules.map((s) => [s.id, s.days.length])).toEqual([
			['taster', 1],
			['three-days', 3],
			['five-days', 5],
		]);
	});

	it('write durations in hours and minutes', () => {
		expect([45, 60, 95, 360].map(hoursAndMinutes)).toEqual(['45 min', '1 h', '1 h 35 min', '6 h']);
	});
});
