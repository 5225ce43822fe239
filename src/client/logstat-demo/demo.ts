/**
 * The WebAssembly lesson's demo, loaded on the learner's first Parse: fetches
 * the module once (wasm-bindgen's glue and .wasm, both from this site),
 * feeds it the text or the file in chunks of whole lines, and shows the
 * totals. Everything the log holds is written with textContent: a path in
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

/** 1 MiB a call: a file of any size is read in steps, with a pause for the page between them. */
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
	let bytes: Uint8Array;
	if (file) {
		bytes = new Uint8Array(await file.arrayBuffer());
	} else {
		const text = root.querySelector('textarea')!.value;
		// Typed text may end without a newline; a log file that does is cut short.
		bytes = new TextEncoder().encode(text.endsWith('\n') ? text : `${text}\n`);
	}
	status.textContent = `Parsing ${bytes.length.toLocaleString('en')} bytes…`;
	const started = performance.now();
	const stats = new LogStats();
	try {
		for (const chunk of wholeLines(bytes, CHUNK)) {
			stats.feedChunk(chunk);
			if (bytes.length > CHUNK) await new Promise((next) => setTimeout(next));
		}
		const summary = JSON.parse(stats.summary()) as Summary;
		const ms = performance.now() - started;
		status.textContent = `Parsed ${summary.lines.toLocaleString('en')} ${summary.lines === 1 ? 'line' : 'lines'} in ${ms.toFixed(1)} ms: ${summary.requests.toLocaleString('en')} requests, ${summary.malformed.toLocaleString('en')} malformed.`;
		result.replaceChildren(...render(summary));
	} finally {
		stats.free();
	}
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
