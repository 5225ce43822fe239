import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request, type IncomingHttpHeaders, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveStatic } from '../../scripts/lib/static-server.ts';
import { precompress } from '../../src/hosting/precompress.ts';

const PAGE = `<!doctype html><title>home</title>${'<p>a lesson paragraph</p>'.repeat(200)}`;
const SCRIPT = `export const x = ${JSON.stringify('some bundled code '.repeat(100))};\n`;
const SAMPLE = gzipSync('127.0.0.1 - - GET / 200\n'.repeat(50));
const SECRET = '{ "name": "outside the served folder" }';

interface Answer {
	status: number;
	headers: IncomingHttpHeaders;
	body: Buffer;
}

/**
 * A raw request: unlike fetch, node:http sends the path exactly as given
 * (no `..` resolved away) and neither asks for nor unpacks an encoding.
 */
function get(base: string, path: string, headers: Record<string, string> = {}): Promise<Answer> {
	return new Promise((done, fail) => {
		const { hostname, port } = new URL(base);
		request({ hostname, port, path, headers }, (response) => {
			const chunks: Buffer[] = [];
			response.on('data', (chunk: Buffer) => chunks.push(chunk));
			response.on('end', () => done({ status: response.statusCode!, headers: response.headers, body: Buffer.concat(chunks) }));
		})
			.on('error', fail)
			.end();
	});
}

describe('the static server behind npm run preview, the browser tests and the benchmarks', () => {
	let site: { url: string; server: Server };
	let root: string | undefined;
	beforeAll(async () => {
		// root/package.json sits beside the served folder, root/site/.
		root = mkdtempSync(join(tmpdir(), 'static-server-'));
		writeFileSync(join(root, 'package.json'), SECRET);
		const dir = join(root, 'site');
		const files: Record<string, string | Buffer> = {
			'index.html': PAGE,
			'404.html': '<h1>not here</h1>',
			'guide/index.html': PAGE,
			'_astro/page.D1x2Yz.js': SCRIPT,
			'sandbox/logstat/index.html': PAGE,
			'wasm/samples/access.log.gz': SAMPLE,
		};
		for (const [name, content] of Object.entries(files)) {
			mkdirSync(dirname(join(dir, name)), { recursive: true });
			writeFileSync(join(dir, name), content);
		}
		// The site's own rules: the sandbox's isolation, the hashed files' caching.
		copyFileSync(join(import.meta.dirname, '../../public/_headers'), join(dir, '_headers'));
		await precompress(dir);
		site = await serveStatic(dir);
	});
	afterAll(() => {
		site?.server.close();
		if (root) rmSync(root, { recursive: true, force: true });
	});

	it('sends brotli to a client that accepts it, and says so', async () => {
		const answer = await get(site.url, '/guide/', { 'accept-encoding': 'gzip, deflate, br' });
		expect([answer.status, answer.headers['content-encoding'], answer.headers['content-type']]).toEqual([200, 'br', 'text/html;charset=utf-8']);
		expect(answer.headers['vary']).toBe('Accept-Encoding');
		expect(answer.body.length).toBeLessThan(PAGE.length / 10);
		expect(brotliDecompressSync(answer.body).toString()).toBe(PAGE);
	});

	it('sends gzip to a client that accepts only gzip', async () => {
		const answer = await get(site.url, '/_astro/page.D1x2Yz.js', { 'accept-encoding': 'gzip' });
		expect([answer.status, answer.headers['content-encoding'], answer.headers['content-type']]).toEqual([200, 'gzip', 'text/javascript']);
		expect(gunzipSync(answer.body).toString()).toBe(SCRIPT);
	});

	it('sends the file as it is to a client that accepts no encoding', async () => {
		const answer = await get(site.url, '/');
		expect([answer.status, answer.headers['content-encoding'], answer.body.toString()]).toEqual([200, undefined, PAGE]);
	});

	it('sends a site file named .gz as data, not as an encoding the browser would unpack', async () => {
		const answer = await get(site.url, '/wasm/samples/access.log.gz', { 'accept-encoding': 'gzip, br' });
		expect([answer.status, answer.headers['content-encoding'], answer.headers['content-type']]).toEqual([200, undefined, 'application/gzip']);
		expect(answer.body.equals(SAMPLE)).toBe(true);
	});

	it('lets browsers keep content-hashed files a year, and revalidate pages', async () => {
		const script = await get(site.url, '/_astro/page.D1x2Yz.js', { 'accept-encoding': 'br' });
		expect(script.headers['cache-control']).toBe('public, max-age=31536000, immutable');
		for (const path of ['/', '/guide/', '/sandbox/logstat/']) {
			expect((await get(site.url, path)).headers['cache-control'], path).toBe('public, max-age=0, must-revalidate');
		}
	});

	it('answers a revalidation with 304 while the file is unchanged', async () => {
		const first = await get(site.url, '/guide/', { 'accept-encoding': 'br' });
		const again = await get(site.url, '/guide/', { 'accept-encoding': 'br', 'if-none-match': String(first.headers['etag']) });
		expect(first.headers['etag']).toMatch(/^W\/"/);
		expect([again.status, again.body.length]).toEqual([304, 0]);
	});

	it('applies the _headers rules: only the sandbox route is cross-origin isolated', async () => {
		const sandbox = await get(site.url, '/sandbox/logstat/');
		expect([sandbox.headers['cross-origin-opener-policy'], sandbox.headers['cross-origin-embedder-policy']]).toEqual(['same-origin', 'require-corp']);
		const lesson = await get(site.url, '/guide/');
		expect([lesson.headers['cross-origin-opener-policy'], lesson.headers['cross-origin-embedder-policy']]).toEqual([undefined, undefined]);
	});

	it('answers a missing file with 404 and the site’s 404 page, never cached long', async () => {
		for (const path of ['/nothing/', '/_astro/gone.js']) {
			const answer = await get(site.url, path);
			expect([answer.status, answer.body.toString(), answer.headers['cache-control']], path).toEqual([404, '<h1>not here</h1>', 'public, max-age=0, must-revalidate']);
		}
	});

	it.each(['/../package.json', '/%2e%2e/package.json', '/%2E%2E%2Fpackage.json', '/..%2fpackage.json', '/..%5cpackage.json', '/guide/../../package.json', '//../package.json'])(
		'serves nothing outside its folder: %s',
		async (path) => {
			const answer = await get(site.url, path);
			expect(answer.status).toBe(404);
			expect(answer.body.toString()).not.toContain(SECRET);
		},
	);

	it('answers a malformed escape with 400 and keeps serving', async () => {
		const bad = await get(site.url, '/%E0');
		expect([bad.status, bad.body.toString()]).toEqual([400, 'Bad request: /%E0 is not a valid URL path.\n']);
		const home = await get(site.url, '/');
		expect([home.status, home.body.toString()]).toEqual([200, PAGE]);
	});
});
