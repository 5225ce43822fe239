/**
 * What the Your progress page's buttons do, loaded on first use:
 *
 * - export: a JSON file of the progress (with the name typed beside the
 *   button, if any), to move to another browser or hand to an instructor;
 * - import: merges such a file into this browser's progress, keeping the
 *   earliest time of everything either holds, so an import loses nothing;
 * - reset: deletes the progress, after a confirmation in a dialog;
 * - download-raw: saves a stored value the site cannot read, as it is;
 * - mark-passed: records an exercise checked on the learner's machine.
 *
 * Every outcome, good or bad, is one sentence in the page's status line.
 */
import { emptyProgress, exportFile, loadProgress, mergeProgress, parseExportFile, resetProgress, saveProgress, updateProgress, whyNotSaved } from './progress-store.ts';
import { showProgress } from './progress-view.ts';

function say(root: HTMLElement, sentence: string): void {
	root.querySelector('[data-progress-status]')!.textContent = sentence;
}

function download(name: string, text: string): void {
	const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
	const link = Object.assign(document.createElement('a'), { href: url, download: name });
	document.body.append(link);
	link.click();
	link.remove();
	setTimeout(() => URL.revokeObjectURL(url), 1000);
}

const today = () => new Date().toISOString().slice(0, 10);

function exportProgress(root: HTMLElement): void {
	const stored = loadProgress();
	if (stored.kind === 'blocked' || stored.kind === 'unreadable') {
		say(root, 'There is no readable progress to export. Use “Download as it is” to keep what is stored.');
		return;
	}
	const progress = stored.kind === 'progress' ? stored.progress : emptyProgress();
	const name = root.querySelector<HTMLInputElement>('[data-export-name]')?.value ?? '';
	download(`backend-rust-progress-${today()}.json`, `${JSON.stringify(exportFile(progress, name), null, 2)}\n`);
	const lessons = Object.keys(progress.lessons).length;
	const exercises = Object.keys(progress.exercises).length;
	say(root, `Exported ${lessons} lesson${lessons === 1 ? '' : 's'} read and ${exercises} exercise${exercises === 1 ? '' : 's'} passed to a file.`);
}

async function importProgress(input: HTMLInputElement, root: HTMLElement): Promise<void> {
	const file = input.files?.[0];
	input.value = '';
	if (!file) return;
	const parsed = parseExportFile(await file.text());
	if (typeof parsed === 'string') {
		say(root, `${file.name} was not imported: ${parsed}. Your progress here is unchanged.`);
		return;
	}
	const stored = loadProgress();
	if (stored.kind === 'unreadable') {
		say(root, `${file.name} was not imported: the progress stored here cannot be read, and importing would replace it. Download it as it is, reset, then import again.`);
		return;
	}
	const here = stored.kind === 'progress' ? stored.progress : emptyProgress();
	const merged = mergeProgress(here, parsed.progress);
	const saved = saveProgress(merged);
	if (!saved.ok) {
		say(root, `${file.name} was not imported. ${whyNotSaved(saved.reason)}`);
		return;
	}
	const added = (a: object, b: object, what: string) => {
		const n = Object.keys(a).length - Object.keys(b).length;
		return `${n} ${what}${n === 1 ? '' : 's'}`;
	};
	showProgress(root);
	say(root, `Imported ${file.name}: ${added(merged.lessons, here.lessons, 'lesson')} and ${added(merged.exercises, here.exercises, 'exercise')} added to what this browser had.`);
}

function reset(root: HTMLElement): void {
	const dialog = root.querySelector<HTMLDialogElement>('[data-reset-dialog]')!;
	dialog.returnValue = '';
	dialog.addEventListener(
		'close',
		() => {
			if (dialog.returnValue !== 'reset') {
				say(root, 'Nothing was reset.');
				return;
			}
			const done = resetProgress();
			showProgress(root);
			say(root, done.ok ? 'Your progress was reset.' : 'Your progress could not be reset: this browser blocks the site’s storage.');
		},
		{ once: true },
	);
	dialog.showModal();
}

function downloadRaw(root: HTMLElement): void {
	const stored = loadProgress();
	if (stored.kind !== 'unreadable') return;
	download(`backend-rust-progress-unreadable-${today()}.txt`, stored.raw);
	say(root, 'Downloaded the stored value as it is. It is still stored here until you reset.');
}

function markPassed(control: HTMLElement, root: HTMLElement): void {
	const id = control.dataset['id']!;
	const saved = updateProgress((progress) => {
		progress.exercises[id] ??= Date.now();
	});
	showProgress(root);
	say(root, saved.ok ? `Marked ${id} as passed.` : whyNotSaved(saved.reason));
}

export function run(control: HTMLElement, root: HTMLElement): void {
	switch (control.dataset['action']) {
		case 'export':
			return exportProgress(root);
		case 'import':
			void importProgress(control as HTMLInputElement, root);
			return;
		case 'reset':
			return reset(root);
		case 'download-raw':
			return downloadRaw(root);
		case 'mark-passed':
			return markPassed(control, root);
	}
}
