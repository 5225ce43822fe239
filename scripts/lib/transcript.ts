/**
 * A benchmark's saved transcript (its `--save`): the file a lesson quotes
 * with <FromRun>, written whole, its folder made if need be, and named on
 * stderr so the run's own output stays the transcript.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

export function saveTranscript(path: string, text: string): void {
	mkdirSync(dirname(path), { recursive: true });
	writeFileSync(path, text.endsWith('\n') ? text : `${text}\n`);
	console.error(`wrote ${path}`);
}
