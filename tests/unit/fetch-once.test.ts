// The Run panel's per-page cache of compiled modules: one download and one
// compilation per URL however often it is asked for (prefetch, then Run),
// failures forgotten so a later Run tries again, and the fallback for a
// host that serves .wasm with another MIME type.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { compileWasm, loadOnce } from '../../src/client/runner/fetch-once.ts';

/** The smallest valid module: the magic number and version 1. */
const EMPTY_MODULE = new Uint8Array([0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00]);

afterEach(() => vi.unstubAllGlobals());

describe('loadOnce', () => {
	it('loads each URL once and hands every caller the same promise', async () => {
		const load = vi.fn(async (url: string) => `loaded ${url}`);
		const get = loadOnce(load);
		const first = get('/a.wasm');
		expect(get('/a.wasm')).toBe(first);
		expect(await first).toBe('loaded /a.wasm');
		expect(await get('/b.wasm')).toBe('loaded /b.wasm');
		expect(await get('/a.wasm')).toBe('loaded /a.wasm');
		expect(load.mock.calls.map(([url]) => url)).toEqual(['/a.wasm', '/b.wasm']);
	});

	it('rejects for whoever asked during a failed load, then tries again', async () => {
		let online = false;
		const get = loadOnce(async (url) => {
			if (!online) throw new TypeError('Failed to fetch');
			return url;
		});
		const prefetch = get('/a.wasm');
		const click = get('/a.wasm');
		await expect(prefetch).rejects.toThrow('Failed to fetch');
		await expect(click).rejects.toThrow('Failed to fetch');
		online = true;
		expect(await get('/a.wasm')).toBe('/a.wasm');
	});
});

describe('compileWasm', () => {
	const serve = (status: number, type: string) =>
		vi.fn(async () => new Response(status === 200 ? EMPTY_MODULE : 'missing', { status, headers: { 'content-type': type } }));

	it('compiles a module served as application/wasm from one download', async () => {
		const fetch = serve(200, 'application/wasm');
		vi.stubGlobal('fetch', fetch);
		expect(await compileWasm('/a.wasm')).toBeInstanceOf(WebAssembly.Module);
		expect(fetch).toHaveBeenCalledTimes(1);
	});

	it('falls back to a plain compile when the host sends another MIME type', async () => {
		const fetch = serve(200, 'application/octet-stream');
		vi.stubGlobal('fetch', fetch);
		expect(await compileWasm('/a.wasm')).toBeInstanceOf(WebAssembly.Module);
		expect(fetch).toHaveBeenCalledTimes(2);
	});

	it('names the URL and the HTTP status when the file is missing', async () => {
		vi.stubGlobal('fetch', serve(404, 'text/html'));
		await expect(compileWasm('/gone.wasm')).rejects.toThrow('/gone.wasm could not be loaded (HTTP 404)');
	});

	it("passes on the browser's own error when offline", async () => {
		vi.stubGlobal('fetch', vi.fn(async () => Promise.reject(new TypeError('Failed to fetch'))));
		await expect(compileWasm('/a.wasm')).rejects.toThrow('Failed to fetch');
	});
});
