// The course kit as built: every lesson has a duration and speaker notes
// whose plan's timing adds up to it; the schedules page's times add up to
// the lessons' own; every lesson has a presenter view; every line of an
// included code block can be linked.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { selectAll, select } from 'hast-util-select';
import { toString } from 'hast-util-to-string';
import { describe, expect, it } from 'vitest';
import { distDir, readPage } from './dist.ts';
import { lessonSources, speakerNotes } from './lesson-sources.ts';

const lessons = lessonSources();
const byPath = new Map(lessons.map((lesson) => [lesson.path, lesson]));

describe('durations and speaker notes', () => {
	it('cover all the lessons of the curriculum', () => {
		expect(lessons.length).toBeGreaterThan(40);
		expect(lessons.filter((l) => l.minutes === undefined).map((l) => l.file)).toEqual([]);
	});

	it.each(lessons.map((l) => [l.file, l] as const))('%s: one plan before the first heading, whose Timing adds up to the lesson and its exercises', (_, lesson) => {
		const notes = speakerNotes(lesson.body);
		const plans = notes.filter((n) => n.text.includes('**Timing:**'));
		expect(plans).toHaveLength(1);
		const plan = plans[0]!;
		const firstHeading = lesson.body.search(/^## /m);
		expect(plan.at).toBeLessThan(firstHeading);
		const timing = /\*\*Timing:\*\*(.*)/.exec(plan.text)![1]!;
		const parts = [...timing.matchAll(/(\d+) min/g)].map((m) => Number(m[1]));
		const exercises = Object.values(lesson.exerciseMinutes).reduce((a, b) => a + b, 0);
		expect(parts.reduce((a, b) => a + b, 0)).toBe(lesson.minutes! + exercises);
		for (const [name, minutes] of Object.entries(lesson.exerciseMinutes)) expect(timing).toContain(`${minutes} min for the exercise ${name}`);
	});

	it.each(lessons.map((l) => [l.path] as const))('%s: the notes are built collapsed, with a link to the presenter view', (path) => {
		const page = readPage(path);
		const notes = selectAll('details.speaker-notes', page);
		expect(notes.length).toBeGreaterThan(0);
		for (const details of notes) expect(details.properties['open']).toBeUndefined();
		expect(select(`a[href="/present${path}"]`, notes[0]!)).toBeTruthy();
		expect(existsSync(join(distDir, 'present', path, 'index.html'))).toBe(true);
	});
});

describe('course schedules page', () => {
	const page = readPage('/resources/schedules/');
	const schedules = selectAll('[data-schedule]', page);
	const minutes = (node: Parameters<typeof toString>[0] & { properties?: Record<string, unknown> }) => Number(node.properties?.['dataMinutes']);

	it('has a one-day, a three-day and a five-day schedule', () => {
		expect(schedules.map((s) => [s.properties['dataSchedule'], selectAll('[data-day]', s).length])).toEqual([
			['taster', 1],
			['three-days', 3],
			['five-days', 5],
		]);
	});

	it.each(schedules.map((s) => [String(s.properties['dataSchedule']), s] as const))('%s: each line is its lesson plus the exercises named, and the totals add up', (_, schedule) => {
		const days = selectAll('[data-day]', schedule);
		expect(days.reduce((sum, day) => sum + minutes(day), 0)).toBe(minutes(schedule));
		for (const day of days) {
			const items = selectAll('[data-item]', day);
			expect(items.reduce((sum, item) => sum + minutes(item), 0)).toBe(minutes(day));
			expect(minutes(day)).toBeLessThanOrEqual(360);
			expect(toString(day)).toContain(`(${minutes(day) >= 60 ? Math.floor(minutes(day) / 60) + ' h' : ''}`);
			for (const item of items) {
				const href = String(select('a', item)!.properties['href']);
				const lesson = byPath.get(href);
				expect(lesson, href).toBeDefined();
				const named = [...toString(item).matchAll(/exercise ([a-z0-9-]+) (\d+) min/g)];
				for (const [, name, m] of named) expect(lesson!.exerciseMinutes[name!]).toBe(Number(m));
				expect(minutes(item)).toBe(lesson!.minutes! + named.reduce((sum, [, , m]) => sum + Number(m), 0));
				expect(toString(item)).toContain(`: ${minutes(item)} min`);
			}
		}
	});
});

describe('links to code lines', () => {
	it.each(['/api/errors/', '/going-further/workers/', '/rust-book/ownership/'])('%s: every line of every included block has an id and a numbered link to it', (path) => {
		const page = readPage(path);
		const blocks = selectAll('.example > .expressive-code', page);
		expect(blocks.length).toBeGreaterThan(3);
		const ids = new Set<string>();
		for (const block of blocks) {
			const lines = selectAll('.ec-line', block);
			lines.forEach((line, index) => {
				const id = String(line.properties['id']);
				expect(id).toMatch(new RegExp(`^[a-z0-9-]+-L${index + 1}$`));
				expect(ids.has(id)).toBe(false);
				ids.add(id);
				const link = select('a.ec-line-link', line)!;
				expect(link.properties['href']).toBe(`#${id}`);
				expect(link.properties['dataLine']).toBe(String(index + 1));
				expect(toString(link)).toBe('');
			});
		}
	});
});
