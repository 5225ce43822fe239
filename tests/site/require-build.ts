/** The site and browser tests read dist/: stop with the fix if it is not there. */
import { existsSync } from 'node:fs';

export default function requireBuild(): void {
	if (!existsSync('dist/index.html')) {
		throw new Error('dist/ is missing: run `npm run build` first (npm test does it for you).');
	}
}
