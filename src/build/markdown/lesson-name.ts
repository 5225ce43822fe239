/** How a lesson is named in build errors: its path from src/content/docs/, whatever the machine's checkout path. */
import type { VFile } from 'vfile';

export function lessonName(file: VFile): string {
	return file.path ? file.path.replace(/^.*?src\/content\/docs\//, 'src/content/docs/') : '(a lesson)';
}
