/**
 * `npm run precompress`: writes the brotli and gzip copies beside each text
 * and wasm file of a built site (src/hosting/precompress.ts), for a host
 * that serves such copies (nginx's `brotli_static`, S3 objects with their
 * Content-Encoding). Run it after `npm run build`, before uploading.
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { ensurePrecompressed } from '../src/hosting/precompress.ts';
import { defineTask } from './lib/task.ts';

export default defineTask({
	name: 'precompress',
	description: 'writes .br and .gz copies beside each text and wasm file of the built site (dist/), once a build',
	options: {
		dir: { type: 'string', valueName: 'FOLDER', description: 'the built site (default dist)' },
	},
	async run(values) {
		const dir = resolve(values.dir ?? 'dist');
		if (!existsSync(join(dir, 'index.html'))) {
			console.error(`No built site in ${dir}: run \`npm run build\` first.`);
			return 1;
		}
		const lines = await ensurePrecompressed(dir);
		console.log(lines.length > 0 ? lines.join('\n') : `${dir} has its compressed copies already (this build was compressed before).`);
	},
});
