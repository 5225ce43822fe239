/**
 * The lessons' MDX sources as the course kit's tests read them: each
 * lesson's durations from its frontmatter (`minutes`, `exerciseMinutes`)
 * and its speaker notes blocks. The frontmatter of these keys is flat YAML
 * (`minutes: 40`, then `  name: 15` lines under `exerciseMinutes:`), read
 * here line by line; the built schedules page, made from Astro's own
 * parse, is checked against these figures, so a misreading shows.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const docs = join(import.meta.dirname, '../../src/content/docs');

export interface LessonSource {
	/** /api/errors/ */
	path: string;
	file: string;
	minutes: number | undefined;
	exerciseMinutes: Record<string, number>;
	/** The text after the frontmatter. */
	body: string;
}

/** Every page of the curriculum's parts (Resources and the landing page are not lessons). */
export function lessonSources(): LessonSource[] {
	return readdirSync(docs, { recursive: true })
		.map(String)
		.filter((file) => /\.mdx?$/.test(file) && file.includes('/') && !file.startsWith('resources/'))
		.sort()
		.map((file) => {
			const text = readFileSync(join(docs, file), 'utf8');
			const [, frontmatter = '', body = ''] = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(text) ?? [];
			const minutes = /^minutes: (\d+)$/m.exec(frontmatter)?.[1];
			const block = /^exerciseMinutes:\n((?: {2}[a-z0-9-]+: \d+\n?)+)/m.exec(frontmatter)?.[1] ?? '';
			const exerciseMinutes = Object.fromEntries([...block.matchAll(/^ {2}([a-z0-9-]+): (\d+)$/gm)].map(([, name, m]) => [name!, Number(m)]));
			const path = `/${file.replace(/\.mdx?$/, '').replace(/(^|\/)index$/, '')}/`.replace('//', '/');
			return { path, file, minutes: minutes === undefined ? undefined : Number(minutes), exerciseMinutes, body };
		});
}

/** The speaker notes blocks of a lesson body, in order, with their offset. */
export function speakerNotes(body: string): { text: string; at: number }[] {
	return [...body.matchAll(/<SpeakerNotes>([\s\S]*?)<\/SpeakerNotes>/g)].map((m) => ({ text: m[1]!, at: m.index! }));
}
