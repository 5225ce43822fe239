/**
 * Serves a built static site from a folder on 127.0.0.1, as any static host
 * would, with the headers its `_headers` file asks for (the sandbox route's
 * cross-origin isolation). (Astro 7's `astro preview` allows one server per
 * project, so two sites, or a developer's own preview, would collide; and it
 * cannot set headers per route.)
 */
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { extname, join, normalize } from 'node:path';
import { headersFor, readHeaders } from '../../src/hosting/headers.ts';

const TYPES: Record<string, string> = {
	'.html': 'text/html; charset=utf-8',
	'.js': 'text/javascript; charset=utf-8',
	'.mjs': 'text/javascript; charset=utf-8',
	'.css': 'text/css; charset=utf-8',
	'.json': 'application/json',
	'.svg': 'image/svg+xml',
	'.png': 'image/png',
	'.ico': 'image/x-icon',
	'.wasm': 'application/wasm',
	'.xml': 'application/xml',
	'.txt': 'text/plain; charset=utf-8',
};

/** `port` 0 (the default) picks a free one. */
export function serveStatic(dir: string, port = 0): Promise<{ url: string; server: Server }> {
	const rules = readHeaders(join(dir, '_headers'));
	const server = createServer((request, response) => {
		const pathname = new URL(request.url ?? '/', 'http://x').pathname;
		for (const [name, value] of Object.entries(headersFor(rules, pathname))) response.setHeader(name, value);
		let path: string;
		try {
			path = normalize(decodeURIComponent(pathname));
		} catch {
			// A malformed escape such as `%E0` is the client's mistake: say so,
			// rather than let the exception stop the server for every page.
			response.writeHead(400, { 'content-type': TYPES['.txt']! });
			response.end(`Bad request: ${pathname} is not a valid URL path.\n`);
			return;
		}
		let file = join(dir, path);
		if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
		if (!file.startsWith(dir) || !existsSync(file)) {
			response.writeHead(404, { 'content-type': TYPES['.html']! });
			createReadStream(join(dir, '404.html')).on('error', () => response.end()).pipe(response);
			return;
		}
		response.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
		createReadStream(file).pipe(response);
	});
	return new Promise((resolve) => {
		server.listen(port, '127.0.0.1', () => {
			const { port } = server.address() as { port: number };
			resolve({ url: `http://127.0.0.1:${port}`, server });
		});
	});
}
