/**
 * The classroom summary: an instructor chooses the progress files the
 * learners exported (Your progress → Export to a file), and the page
 * tabulates them, one row per learner, one column per part (lessons read,
 * exercises passed). Everything happens in the page: the files are read by
 * the browser and sent nowhere. Names and file names are the learners'
 * text, so they go into the table as text, never as HTML.
 */
import { parseExportFile, type Progress } from './progress-store.ts';

/** The curriculum as the page embeds it (src/components/ClassroomSummary.astro). */
export interface SummaryCurriculum {
	parts: { label: string; lessons: string[]; exercises: string[] }[];
}

export interface LearnerRow {
	learner: string;
	perPart: { read: number; passed: number }[];
	read: number;
	passed: number;
}

/** One learner's counts, per part and in all; ids the curriculum no longer has are not counted. */
export function summariseOne(learner: string, progress: Progress, curriculum: SummaryCurriculum): LearnerRow {
	const perPart = curriculum.parts.map((part) => ({
		read: part.lessons.filter((path) => progress.lessons[path] !== undefined).length,
		passed: part.exercises.filter((id) => progress.exercises[id] !== undefined).length,
	}));
	return {
		learner,
		perPart,
		read: perPart.reduce((sum, p) => sum + p.read, 0),
		passed: perPart.reduce((sum, p) => sum + p.passed, 0),
	};
}

function cell(tag: 'td' | 'th', text: string, attributes: Record<string, string> = {}): HTMLElement {
	const element = document.createElement(tag);
	element.textContent = text;
	for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value);
	return element;
}

function table(rows: LearnerRow[], curriculum: SummaryCurriculum): HTMLTableElement {
	const element = document.createElement('table');
	element.createCaption().textContent = `Lessons read and exercises passed, for ${rows.length} learner${rows.length === 1 ? '' : 's'}`;
	const head = element.createTHead().insertRow();
	head.append(cell('th', 'Learner', { scope: 'col' }));
	for (const part of curriculum.parts) head.append(cell('th', part.label, { scope: 'col' }));
	head.append(cell('th', 'In all', { scope: 'col' }));
	const lessons = curriculum.parts.reduce((sum, p) => sum + p.lessons.length, 0);
	const exercises = curriculum.parts.reduce((sum, p) => sum + p.exercises.length, 0);
	const body = element.createTBody();
	for (const row of rows) {
		const tr = body.insertRow();
		tr.append(cell('th', row.learner, { scope: 'row' }));
		row.perPart.forEach((counts, index) => {
			const part = curriculum.parts[index]!;
			tr.append(cell('td', `${counts.read}/${part.lessons.length} read, ${counts.passed}/${part.exercises.length} passed`));
		});
		tr.append(cell('td', `${row.read}/${lessons} read, ${row.passed}/${exercises} passed`));
	}
	return element;
}

/**
 * Reads the chosen files and shows the summary (and which files could not
 * be read) under `root`, unless `current()` says a newer choice replaced them.
 */
export async function summarise(root: HTMLElement, files: FileList | readonly File[], current: () => boolean = () => true): Promise<void> {
	const curriculum = JSON.parse(root.querySelector('[data-curriculum]')!.textContent!) as SummaryCurriculum;
	const rows: LearnerRow[] = [];
	const refused: string[] = [];
	for (const file of files) {
		const parsed = parseExportFile(await file.text());
		if (typeof parsed === 'string') refused.push(`${file.name}: ${parsed}`);
		else rows.push(summariseOne(parsed.name ?? file.name.replace(/\.json$/i, ''), parsed.progress, curriculum));
	}
	if (!current()) return;
	rows.sort((a, b) => a.learner.localeCompare(b.learner));
	const place = root.querySelector<HTMLElement>('[data-classroom-table]')!;
	place.replaceChildren(...(rows.length ? [table(rows, curriculum)] : []));
	const status = root.querySelector<HTMLElement>('[data-classroom-status]')!;
	status.textContent = `${rows.length} of ${files.length} file${files.length === 1 ? '' : 's'} summarised.`;
	const problems = root.querySelector<HTMLElement>('[data-classroom-refused]')!;
	problems.replaceChildren(...refused.map((line) => Object.assign(document.createElement('li'), { textContent: line })));
	problems.hidden = refused.length === 0;
}
