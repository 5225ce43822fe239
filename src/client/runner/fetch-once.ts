/**
 * What the Run panel downloads, once per URL for the page's life: compiled
 * WebAssembly modules and the sample files a program reads. The prefetch on
 * intent and the Run that follows share one download and one compilation.
 */

/**
 * Wraps `load` so each URL is loaded once and everyone who asks shares the
 * promise. A load that fails is forgotten: it still rejects for those who
 * asked (a Run shows the error), and the next ask tries again, so a failed
 * prefetch while offline costs nothing once the learner is back online.
 */
export function loadOnce<T>(load: (url: string) => Promise<T>): (url: string) => Promise<T> {
	const loads = new Map<string, Promise<T>>();
	return (url) => {
		let pending = loads.get(url);
		if (!pending) {
			const started = load(url);
			// Also marks the rejection as handled: a prefetch nobody awaits must not log it.
			started.catch(() => {
				if (loads.get(url) === started) loads.delete(url);
			});
			loads.set(url, started);
			pending = started;
		}
		return pending;
	};
}

async function fetchOk(url: string): Promise<Response> {
	const response = await fetch(url);
	if (!response.ok) throw new Error(`${url} could not be loaded (HTTP ${response.status})`);
	return response;
}

/**
 * Compiles while the bytes arrive; falls back to a plain compile when a host
 * serves .wasm with another MIME type (compileStreaming refuses it).
 */
export async function compileWasm(url: string): Promise<WebAssembly.Module> {
	try {
		return await WebAssembly.compileStreaming(fetchOk(url));
	} catch {
		return WebAssembly.compile(await (await fetchOk(url)).arrayBuffer());
	}
}

export const compiled = loadOnce(compileWasm);

export const fileBytes = loadOnce((url) => fetchOk(url).then(async (response) => new Uint8Array(await response.arrayBuffer())));
