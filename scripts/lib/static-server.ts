/**
 * Serves a built static site from a folder on 127.0.0.1 as a static host
 * does, with sirv: the `.br` and `.gz` copies the build writes beside each
 * text file (src/hosting/precompress.ts) chosen by Accept-Encoding, ETags and
 * 304s, ranges, and the headers of the site's `_headers` file (the sandbox
 * route's isolation, the long-lived caching of content-hashed files). (Astro
 * 7's `astro preview` allows one server per project, so two sites, or a
 * developer's own preview, would collide; and it cannot set headers per
 * route.)
 *
 * sirv indexes the folder when the server starts: restart it after a build.
 */
import { createReadStream } from 'node:fs';
import { createServer, type IncomingMessage, type OutgoingHttpHeaders, type Server, type ServerResponse } from 'node:http';
import { join } from 'node:path';
import sirv from 'sirv';
import { headersFor, readHeaders } from '../../src/hosting/headers.ts';

/**
 * What Netlify and Cloudflare Pages send for a file `_headers` gives no
 * caching of its own (pages, unhashed files): the browser keeps it but asks
 * again each time, and the ETag makes that answer a 304.
 */
const REVALIDATE = 'public, max-age=0, must-revalidate';

/** `port` 0 (the default) picks a free one. */
export function serveStatic(dir: string, port = 0): Promise<{ url: string; server: Server }> {
	const rules = readHeaders(join(dir, '_headers'));
	const files = sirv(dir, {
		etag: true,
		brotli: true,
		gzip: true,
		onNoMatch: (_request, response) => {
			// No long-lived caching for a miss, whatever its path.
			response.setHeader('Cache-Control', REVALIDATE);
			response.writeHead(404, { 'Content-Type': 'text/html; charset=utf-8' });
			createReadStream(join(dir, '404.html'))
				.on('error', () => response.end())
				.pipe(response);
		},
	});
	const server = createServer((request, response) => {
		const pathname = new URL(request.url ?? '/', 'http://x').pathname;
		try {
			decodeURIComponent(pathname);
		} catch {
			// A malformed escape such as `%E0` is the client's mistake: say so
			// (sirv would quietly look it up undecoded).
			response.writeHead(400, { 'Content-Type': 'text/plain; charset=utf-8' });
			response.end(`Bad request: ${pathname} is not a valid URL path.\n`);
			return;
		}
		// Set before sirv answers, so 304s and 404s carry them too, as a
		// host's do; sirv keeps headers already set.
		response.setHeader('Cache-Control', REVALIDATE);
		for (const [name, value] of Object.entries(headersFor(rules, pathname))) response.setHeader(name, value);
		correctTypes(response, pathname);
		files(request, response);
	});
	return new Promise((resolve) => {
		server.listen(port, '127.0.0.1', () => {
			const { port } = server.address() as { port: number };
			resolve({ url: `http://127.0.0.1:${port}`, server });
		});
	});
}

/**
 * sirv takes every file named `*.gz` or `*.br` for a compressed copy of
 * another and labels it `Content-Encoding: gzip`/`br`, so a browser would
 * unpack a site file such as logstat's sample `access.log.gz` before the
 * page sees it; a host sends such a file as it is. And for a name mrmime does
 * not know (Pagefind's `.pf_fragment`) sirv sends an empty Content-Type. Its
 * one `writeHead` call for a file is where both are put right.
 */
function correctTypes(response: ServerResponse<IncomingMessage>, pathname: string): void {
	const writeHead = response.writeHead.bind(response) as (status: number, headers?: OutgoingHttpHeaders) => ServerResponse;
	response.writeHead = ((status: number, headers?: OutgoingHttpHeaders) => {
		if (headers && status < 300) {
			if (/\.(gz|br)$/.test(pathname)) {
				delete headers['Content-Encoding'];
				headers['Content-Type'] = pathname.endsWith('.gz') ? 'application/gzip' : 'application/octet-stream';
			}
			if (!headers['Content-Type']) headers['Content-Type'] = 'application/octet-stream';
		}
		return writeHead(status, headers);
	}) as ServerResponse['writeHead'];
}
