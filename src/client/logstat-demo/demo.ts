/**
 * The WebAssembly lesson's demo, loaded on the learner's first Parse: fetches
 * the module once (wasm-bindgen's glue and .wasm, both from this site),
 * feeds it the text or the file in chunks of whole lines, and shows the
 * totals and how many calls crossed into the module. A file is streamed
 * (File.stream()), so at most about a chunk of it is in memory at a time,
 * whatever its size. Everything the log holds is written with textContent: a path in
 * a log is text from strangers, never markup.
 */
import { wholeLines } from '../../../examples/going-further/logstat-wasm/js/chunks.ts';

interface LogStats {
	feedChunk(bytes: Uint8Array): void;
	summary(): string;
	free(): void;
}
interface Summary {
	lines: number;
	requests: number;
	malformed: number;
	status: Record<string, number>;
	paths: number;
	top: [string, number][];
	minutes: number;
	peak: number;
}

/**
 * 1 MiB a call. A file is read as a stream and fed a chunk at a time, with a
 * pause for the page between chunks, so a file of any size neither fills
 * the tab's memory nor freezes the page while it is parsed.
 */
const CHUNK = 1 << 20;
let module: Promise<new () => LogStats> | undefined;

function load(glueUrl: string): Promise<new () => LogStats> {
	module ??= import(/* @vite-ignore */ glueUrl).then(async (glue) => {
		// The .wasm lies next to the glue, which finds it from its own URL.
		await glue.default();
		return glue.LogStats as new () => LogStats;
	});
	module.catch(() => (module = undefined));
	return module;
}

/**
 * Wires every demo on the page: Parse, and a file chosen. Called by the
 * runner module, which RunnerLoader.astro imports on the learner's first
 * sign of intent over a demo (and replays the click that brought it).
 */
export function wireDemos(): void {
	for (const root of document.querySelectorAll<HTMLElement>('[data-logstat-demo]')) {
		if (root.dataset['wired']) continue;
		root.dataset['wired'] = 'true';
		root.querySelector('[data-parse]')!.addEventListener('click', () => void parse(root));
		const input = root.querySelector<HTMLInputElement>('[data-file]')!;
		input.addEventListener('change', () => {
			const file = input.files?.[0];
			if (file) void parse(root, file);
		});
		// A file chosen while this code was still on its way: parse it now.
		const chosen = input.files?.[0];
		if (chosen) void parse(root, chosen);
	}
}

export async function parse(root: HTMLElement, file?: File): Promise<void> {
	const status = root.querySelector<HTMLElement>('[data-status]')!;
	const result = root.querySelector<HTMLElement>('[data-result]')!;
	status.textContent = 'Loading the WebAssembly module…';
	let LogStats: new () => LogStats;
	try {
		LogStats = await load(root.dataset['glue']!);
	} catch {
		status.textContent = 'The WebAssembly module could not be loaded (is the network down?). Try again.';
		return;
	}
	let chunks: AsyncIterable<Uint8Array> | Iterable<Uint8Array>;
	let size: number;
	if (file) {
		chunks = fileChunks(file, CHUNK);
		size = file.size;
	} else {
		const text = root.querySelector('textarea')!.value;
		// Typed text may end without a newline; a log file that does is cut short.
		const bytes = new TextEncoder().encode(text.endsWith('\n') ? text : `${text}\n`);
		chunks = wholeLines(bytes, CHUNK);
		size = bytes.length;
	}
	status.textContent = `Parsing ${size.toLocaleString('en')} bytes…`;
	const started = performance.now();
	const stats = new LogStats();
	try {
		let calls = 0;
		for await (const chunk of chunks) {
			stats.feedChunk(chunk);
			calls++;
			if (size > CHUNK) await new Promise((next) => setTimeout(next));
		}
		const summary = JSON.parse(stats.summary()) as Summary;
		const ms = performance.now() - started;
		const crossings = `${calls.toLocaleString('en')} ${calls === 1 ? 'call' : 'calls'} into WebAssembly`;
		status.textContent = `Parsed ${summary.lines.toLocaleString('en')} ${summary.lines === 1 ? 'line' : 'lines'} in ${ms.toFixed(1)} ms (${crossings}): ${summary.requests.toLocaleString('en')} requests, ${summary.malformed.toLocaleString('en')} malformed.`;
		result.replaceChildren(...render(summary));
	} catch (error) {
		// A file can fail while it streams (removed, or changed on disk since it was chosen).
		if (!file) throw error;
		status.textContent = 'The file could not be read to the end. Choose it again.';
		result.replaceChildren();
	} finally {
		stats.free();
	}
}

/**
 * The file as chunks of whole lines, read as a stream: the browser's reads
 * (often 64 KB) are gathered until at least `size` bytes wait, then cut by
 * the chunker (wholeLines). A chunk goes to the module only if it ends in a
 * newline and a full chunk's worth of bytes was waiting, so every call but
 * the last carries about `size` bytes; the rest, with its unfinished line,
 * waits for the next reads. At the end of the file everything left goes,
 * text after the last newline included, as it is.
 */
async function* fileChunks(file: File, size: number): AsyncGenerator<Uint8Array> {
	const reader = file.stream().getReader();
	let parts: Uint8Array[] = [];
	let gathered = 0;
	let wanted = size;
	for (;;) {
		const { done, value } = await reader.read();
		if (value) {
			parts.push(value);
			gathered += value.length;
		}
		if (done) {
			yield* wholeLines(join(parts, gathered), size);
			return;
		}
		if (gathered < wanted) continue;
		const bytes = join(parts, gathered);
		let sent = 0;
		for (const chunk of wholeLines(bytes, size)) {
			if (bytes.length - sent < size || chunk.at(-1) !== 10) break;
			yield chunk;
			sent += chunk.length;
		}
		parts = [bytes.subarray(sent)];
		gathered = bytes.length - sent;
		// Nothing sent: one line longer than a chunk, still arriving. Wait for
		// another chunk's worth rather than join the reads again on each one.
		wanted = sent === 0 ? gathered + size : size;
	}
}

/** One buffer from the reads (no copy when there is one). */
function join(parts: Uint8Array[], length: number): Uint8Array {
	if (parts.length === 1) return parts[0]!;
	const bytes = new Uint8Array(length);
	let at = 0;
	for (const part of parts) {
		bytes.set(part, at);
		at += part.length;
	}
	return bytes;
}

function render(s: Summary): HTMLElement[] {
	const statusRows = Object.entries(s.status).map(([code, n]) => [code, n.toLocaleString('en')]);
	const pathRows = s.top.map(([path, n]) => [path, n.toLocaleString('en')]);
	return [
		table('Requests by status code', ['status', 'requests'], statusRows),
		table(`Busiest paths (of ${s.paths.toLocaleString('en')})`, ['path', 'requests'], pathRows),
		paragraph(`${s.minutes.toLocaleString('en')} minutes of traffic, at most ${s.peak.toLocaleString('en')} requests in one.`),
	];
}

function table(caption: string, head: string[], rows: string[][]): HTMLElement {
	const t = document.createElement('table');
	t.createCaption().textContent = caption;
	const tr = t.createTHead().insertRow();
	for (const h of head) {
		const th = document.createElement('th');
		th.scope = 'col';
		th.textContent = h;
		tr.append(th);
	}
	const body = t.createTBody();
	for (const row of rows) {
		const r = body.insertRow();
		for (const cell of row) r.insertCell().textContent = cell;
	}
	return t;
}

function paragraph(text: string): HTMLElement {
	const p = document.createElement('p');
	p.textContent = text;
	return p;
}
