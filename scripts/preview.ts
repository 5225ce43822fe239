/**
 * `npm run preview`: serves the built site (dist/) at http://127.0.0.1:4321
 * (PORT to change) as a static host would: compressed (brotli and gzip
 * copies, written beside the files the first time a build is served),
 * content-hashed files cached for a year, and the per-route headers of
 * `_headers` that the terminal sandbox needs. Run
 * `npm run build` first, and restart after each build.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { ensurePrecompressed } from '../src/hosting/precompress.ts';
import { serveStatic } from './lib/static-server.ts';
import { defineTask } from './lib/task.ts';

export default defineTask({
	name: 'preview',
	description: 'serves the built site (dist/) on 127.0.0.1:$PORT (4321) as a host does: compressed, hashed files cached, the headers of _headers',
	options: {},
	async run() {
		const dist = resolve('dist');
		if (!existsSync(resolve(dist, 'index.html'))) {
			console.error('No built site in dist/: run `npm run build` first.');
			return 1;
		}
		// As a host that compresses: a fresh build gets its copies first (once).
		for (const line of await ensurePrecompressed(dist)) console.log(line);
		const port = Number(process.env['PORT'] ?? 4321);
		const { url } = await serveStatic(dist, port);
		console.log(`Serving dist/ at ${url}/ (Ctrl-C stops)`);
	},
});
