/**
 * An Astro integration that gives `npm run dev` the headers in
 * `public/_headers`, as the static host will: the terminal sandbox's route
 * is cross-origin isolated in development too, and no other route is.
 * (Astro's `server.headers` would set them on every page.)
 */
import type { AstroIntegration } from 'astro';
import { fileURLToPath } from 'node:url';
import { headersFor, readHeaders } from './headers.ts';

export function headersFile(): AstroIntegration {
	let file = '';
	return {
		name: 'backend-rust:headers-file',
		hooks: {
			'astro:config:done': ({ config }) => {
				file = fileURLToPath(new URL('_headers', config.publicDir));
			},
			'astro:server:setup': ({ server }) => {
				server.middlewares.use((request, response, next) => {
					// Read on each request: an edit to _headers applies without a restart.
					const path = new URL(request.url ?? '/', 'http://localhost').pathname;
					for (const [name, value] of Object.entries(headersFor(readHeaders(file), path))) response.setHeader(name, value);
					next();
				});
			},
		},
	};
}
