/**
 * The curriculum's lessons as the site's own pages see them: in sidebar
 * order, per part, each with its duration and its exercises. The progress
 * page, the course schedules and the classroom summary all read this, so
 * they list the same lessons in the same order as the sidebar.
 *
 * A lesson is a page of a curriculum part (not Resources) and must have
 * `minutes`; a lesson without one stops the build here, naming it.
 */
import { getCollection, render, type CollectionEntry } from 'astro:content';
import type { StarlightRouteData } from '@astrojs/starlight/route-data';
import { PAGE_EXERCISES, type PageExercise } from './markdown/exercise-minutes.ts';

/** A page's address from its collection id: `api/errors` → `/api/errors/`. */
export function lessonPath(id: string): string {
	return id === 'index' ? '/' : `/${id}/`;
}

/** Where a lesson's presenter view is: `api/errors` → `/present/api/errors/`. */
export function presenterPath(id: string): string {
	return `/present/${id}/`;
}

export interface LessonExercise extends PageExercise {
	minutes: number;
}

export interface Lesson {
	path: string;
	title: string;
	/** Teaching time, exercises not included. */
	minutes: number;
	exercises: LessonExercise[];
}

export interface CurriculumPart {
	label: string;
	lessons: Lesson[];
}

type SidebarEntry = StarlightRouteData['sidebar'][number];

function links(entries: readonly SidebarEntry[]): { href: string; label: string }[] {
	return entries.flatMap((entry) => (entry.type === 'link' ? [{ href: entry.href, label: entry.label }] : links(entry.entries)));
}

async function lessonOf(entry: CollectionEntry<'docs'>, label: string): Promise<Lesson> {
	const { remarkPluginFrontmatter } = await render(entry);
	const onPage = (remarkPluginFrontmatter[PAGE_EXERCISES] ?? []) as PageExercise[];
	return {
		path: lessonPath(entry.id),
		title: label,
		minutes: entry.data.minutes!,
		exercises: onPage.map((exercise) => ({ ...exercise, minutes: entry.data.exerciseMinutes[exercise.name]! })),
	};
}

/** Every lesson, per part, in the order of `sidebar` (Starlight's route data of the page asking). */
export async function curriculumLessons(sidebar: StarlightRouteData['sidebar']): Promise<CurriculumPart[]> {
	const byPath = new Map((await getCollection('docs')).map((entry) => [lessonPath(entry.id), entry]));
	const parts: CurriculumPart[] = [];
	const missing: string[] = [];
	for (const group of sidebar) {
		const label = group.label;
		if (label === 'Resources') continue;
		const pages = group.type === 'link' ? [{ href: group.href, label }] : links(group.entries);
		const lessons: Lesson[] = [];
		for (const page of pages) {
			const entry = byPath.get(page.href);
			if (!entry) throw new Error(`The sidebar links to ${page.href}, which is no page of the docs collection.`);
			if (entry.data.minutes === undefined) missing.push(entry.filePath ?? page.href);
			else lessons.push(await lessonOf(entry, page.label));
		}
		parts.push({ label, lessons });
	}
	if (missing.length) throw new Error(`Every lesson needs a duration for the course schedules: add \`minutes: N\` (teaching time, exercises not included) to the frontmatter of ${missing.join(', ')}.`);
	return parts;
}

/** A lesson's time with all its exercises. */
export function withExercises(lesson: Lesson): number {
	return lesson.minutes + lesson.exercises.reduce((sum, exercise) => sum + exercise.minutes, 0);
}
