/**
 * The course schedules an instructor can teach from: a one-day backend
 * taster, a three-day course and a five-day course. Each day is a list of
 * lessons, each taught with the exercises named here (`exercises`, by
 * name; none when left out), and its time is the lesson's `minutes` plus
 * those exercises' `exerciseMinutes`, from the lessons' frontmatter. So a
 * schedule's times add up by construction, and change when a lesson's do.
 *
 * A teaching day is six hours (DAY_MINUTES), the rest being breaks and
 * lunch; `resolveSchedule` stops the build when a day runs over, or names a
 * lesson or an exercise that does not exist.
 */
import type { CurriculumPart, Lesson, LessonExercise } from './lessons.ts';

export const DAY_MINUTES = 360;

export interface ScheduleItem {
	/** The lesson's address, e.g. /api/errors/. */
	lesson: string;
	/** The exercises done in class, by name; the others are left for later. */
	exercises?: readonly string[];
}

export interface Schedule {
	id: string;
	days: readonly { title: string; items: readonly ScheduleItem[] }[];
}

/** The API part's first five lessons, one exercise each: every schedule teaches them so. */
const apiCore: readonly ScheduleItem[] = [
	{ lesson: '/api/routing-and-handlers/', exercises: ['rename-user'] },
	{ lesson: '/api/extractors-and-state/', exercises: ['sort-query'] },
	{ lesson: '/api/json-with-serde/', exercises: ['validate-fields'] },
	{ lesson: '/api/postgres-with-sqlx/', exercises: ['find-by-email'] },
	{ lesson: '/api/errors/', exercises: ['error-response'] },
];

export const schedules: readonly Schedule[] = [
	{
		id: 'taster',
		days: [
			{
				title: 'From first server to measured API',
				items: [
					{ lesson: '/why-rust/' },
					{ lesson: '/getting-started/' },
					...apiCore,
					{ lesson: '/api/testing/', exercises: ['checked-send'] },
					{ lesson: '/benchmarking/how-to-benchmark/' },
					{ lesson: '/benchmarking/results/' },
				],
			},
		],
	},
	{
		id: 'three-days',
		days: [
			{
				title: 'Rust for backend developers',
				items: [
					{ lesson: '/why-rust/' },
					{ lesson: '/getting-started/' },
					{ lesson: '/rust-book/getting-started/', exercises: ['ch01-ex-listen-address'] },
					{ lesson: '/rust-book/common-concepts/', exercises: ['ch03-ex-backoff-schedule'] },
					{ lesson: '/rust-book/ownership/', exercises: ['ch04-ex-request-path'] },
					{ lesson: '/rust-book/structs/', exercises: ['ch05-ex-rate-limiter'] },
					{ lesson: '/rust-book/enums-and-match/', exercises: ['ch06-ex-parse-method'] },
					{ lesson: '/rust-book/error-handling/', exercises: ['ch09-ex-host-port'] },
				],
			},
			{
				title: 'Traits, tests, iterators and async',
				items: [
					{ lesson: '/rust-book/collections/', exercises: ['ch08-ex-top-paths'] },
					{ lesson: '/rust-book/generics-traits-lifetimes/', exercises: ['ch10-ex-storage-backend'] },
					{ lesson: '/rust-book/testing/', exercises: ['ch11-ex-retry-delay'] },
					{ lesson: '/rust-book/closures-and-iterators/', exercises: ['ch13-ex-log-summary'] },
					{ lesson: '/rust-book/concurrency/' },
					{ lesson: '/rust-book/async/', exercises: ['ch17-ex-fetch-all'] },
				],
			},
			{
				title: 'A REST API on PostgreSQL',
				items: [
					...apiCore,
					{ lesson: '/api/transactions/', exercises: ['atomic-sign-up'] },
					{ lesson: '/api/pagination/', exercises: ['keyset-page'] },
					{ lesson: '/api/testing/', exercises: ['checked-send'] },
					{ lesson: '/api/middleware/', exercises: ['json-errors'] },
					{ lesson: '/api/authentication-and-authorization/', exercises: ['current-user'] },
					{ lesson: '/benchmarking/results/' },
				],
			},
		],
	},
	{
		id: 'five-days',
		days: [
			{
				title: 'Rust foundations',
				items: [
					{ lesson: '/why-rust/' },
					{ lesson: '/getting-started/' },
					{ lesson: '/rust-book/getting-started/', exercises: ['ch01-ex-route-table', 'ch01-ex-listen-address'] },
					{ lesson: '/rust-book/guessing-game/', exercises: ['ch02-ex-parse-port', 'ch02-ex-total-requests'] },
					{ lesson: '/rust-book/common-concepts/', exercises: ['ch03-ex-backoff-schedule', 'ch03-ex-percentile'] },
					{ lesson: '/rust-book/ownership/', exercises: ['ch04-ex-request-path', 'ch04-ex-split-header', 'ch04-ex-session-list'] },
				],
			},
			{
				title: 'Types, modules, collections and errors',
				items: [
					{ lesson: '/rust-book/structs/', exercises: ['ch05-ex-rate-limiter', 'ch05-ex-pagination'] },
					{ lesson: '/rust-book/enums-and-match/', exercises: ['ch06-ex-parse-method', 'ch06-ex-status-class'] },
					{ lesson: '/rust-book/packages-and-modules/', exercises: ['ch07-ex-route-requests', 'ch07-ex-config-module'] },
					{ lesson: '/rust-book/collections/', exercises: ['ch08-ex-top-paths', 'ch08-ex-session-store', 'ch08-ex-headers'] },
					{ lesson: '/rust-book/error-handling/', exercises: ['ch09-ex-host-port', 'ch09-ex-config-lines'] },
				],
			},
			{
				title: 'Traits, tests, iterators and smart pointers',
				items: [
					{ lesson: '/rust-book/generics-traits-lifetimes/', exercises: ['ch10-ex-storage-backend', 'ch10-ex-header-value', 'ch10-ex-cookie'] },
					{ lesson: '/rust-book/testing/', exercises: ['ch11-ex-page-params', 'ch11-ex-retry-delay'] },
					{ lesson: '/rust-book/closures-and-iterators/', exercises: ['ch13-ex-log-summary', 'ch13-ex-records', 'ch13-ex-rate-limit'] },
					{ lesson: '/rust-book/smart-pointers/', exercises: ['ch15-ex-pool'] },
				],
			},
			{
				title: 'Concurrency, async and a CLI tool',
				items: [
					{ lesson: '/rust-book/concurrency/', exercises: ['ch16-ex-hit-counter'] },
					{ lesson: '/rust-book/async/', exercises: ['ch17-ex-fetch-all'] },
					{ lesson: '/cli/reading-input/', exercises: ['cli-input-chunks'] },
					{ lesson: '/cli/parsing-log-lines/', exercises: ['cli-parse-request'] },
					{ lesson: '/cli/arguments/', exercises: ['cli-args-exclude'] },
					{ lesson: '/cli/errors-and-tests/', exercises: ['cli-errors-exit-code'] },
					{ lesson: '/cli/making-it-fast/', exercises: ['cli-fast-merge'] },
					{ lesson: '/cli/shipping-a-binary/', exercises: ['cli-ship-version'] },
				],
			},
			{
				title: 'An API on PostgreSQL, measured',
				items: [
					...apiCore,
					{ lesson: '/api/transactions/', exercises: ['atomic-sign-up'] },
					{ lesson: '/api/testing/', exercises: ['checked-send'] },
					{ lesson: '/api/middleware/', exercises: ['json-errors'] },
					{ lesson: '/api/authentication-and-authorization/', exercises: ['current-user'] },
					{ lesson: '/benchmarking/how-to-benchmark/' },
					{ lesson: '/benchmarking/results/' },
				],
			},
		],
	},
];

export interface ResolvedItem {
	lesson: Lesson;
	exercises: LessonExercise[];
	minutes: number;
}

export interface ResolvedDay {
	title: string;
	items: ResolvedItem[];
	minutes: number;
}

/** The schedule with each lesson's and exercise's minutes; throws, naming the problem, on a bad reference or a day over DAY_MINUTES. */
export function resolveSchedule(schedule: Schedule, parts: readonly CurriculumPart[]): ResolvedDay[] {
	const lessons = new Map(parts.flatMap((part) => part.lessons).map((lesson) => [lesson.path, lesson]));
	return schedule.days.map((day, index) => {
		const items = day.items.map((item) => {
			const lesson = lessons.get(item.lesson);
			if (!lesson) throw new Error(`Schedule ${schedule.id}, day ${index + 1}: no lesson at ${item.lesson}.`);
			const exercises = (item.exercises ?? []).map((name) => {
				const exercise = lesson.exercises.find((e) => e.name === name);
				if (!exercise) throw new Error(`Schedule ${schedule.id}, day ${index + 1}: ${item.lesson} has no exercise ${name} (it has ${lesson.exercises.map((e) => e.name).join(', ') || 'none'}).`);
				return exercise;
			});
			return { lesson, exercises, minutes: lesson.minutes + exercises.reduce((sum, e) => sum + e.minutes, 0) };
		});
		const minutes = items.reduce((sum, item) => sum + item.minutes, 0);
		if (minutes > DAY_MINUTES) throw new Error(`Schedule ${schedule.id}, day ${index + 1} ("${day.title}") takes ${minutes} minutes, more than a teaching day of ${DAY_MINUTES}: move a lesson or drop an exercise.`);
		return { title: day.title, items, minutes };
	});
}

/** 95 → "1 h 35 min". */
export function hoursAndMinutes(minutes: number): string {
	const h = Math.floor(minutes / 60);
	const m = minutes % 60;
	return [h ? `${h} h` : '', m || !h ? `${m} min` : ''].filter(Boolean).join(' ');
}
