/**
 * Runs a compiled example in a Web Worker with a time limit and an output
 * cap. The compiled module and sample files are fetched once per page, and
 * one worker is kept warm between runs, so a second Run starts at once. A
 * Stop, the time limit or the cap terminates the worker (the only way to end
 * a busy WebAssembly program) and the next run starts a fresh one.
 */
import type { RunEvent, RunRequest } from './run-protocol.ts';

export const TIME_LIMIT_MS = 10_000;
export const OUTPUT_CAP_BYTES = 64 * 1024;

export type EndReason = 'stopped' | 'time-limit' | 'output-cap';

export interface RunHandlers {
	output(stream: 'stdout' | 'stderr', text: string): void;
	exit(code: number, panicked: boolean, ms: number): void;
	crash(message: string): void;
	ended(reason: EndReason, ms: number): void;
}

export interface WasmProgram {
	wasm: string;
	bin: string;
	args: string[];
	stdin: string;
	/** Relative path in the program's working directory → URL of the file. */
	files: Record<string, string>;
}

const modules = new Map<string, Promise<WebAssembly.Module>>();
const fileBytes = new Map<string, Promise<Uint8Array>>();
let warm: Worker | undefined;

function fetchOk(url: string): Promise<Response> {
	return fetch(url).then((response) => {
		if (!response.ok) throw new Error(`${url} could not be loaded (HTTP ${response.status})`);
		return response;
	});
}

/** Compiles once per page; falls back when a host serves .wasm with the wrong type. */
export function compiled(url: string): Promise<WebAssembly.Module> {
	let module = modules.get(url);
	if (!module) {
		module = WebAssembly.compileStreaming(fetchOk(url)).catch(async () => WebAssembly.compile(await (await fetchOk(url)).arrayBuffer()));
		module.catch(() => modules.delete(url));
		modules.set(url, module);
	}
	return module;
}

function file(url: string): Promise<Uint8Array> {
	let bytes = fileBytes.get(url);
	if (!bytes) {
		bytes = fetchOk(url).then(async (r) => new Uint8Array(await r.arrayBuffer()));
		bytes.catch(() => fileBytes.delete(url));
		fileBytes.set(url, bytes);
	}
	return bytes;
}

function newWorker(): Worker {
	return new Worker(new URL('./wasi-worker.ts', import.meta.url), { type: 'module' });
}

/** Starts the program; returns a function that stops it. */
export async function runWasm(program: WasmProgram, handlers: RunHandlers): Promise<() => void> {
	const [module, files] = await Promise.all([
		compiled(program.wasm),
		Promise.all(Object.entries(program.files).map(async ([path, url]) => [path, await file(url)] as [string, Uint8Array])),
	]);
	const worker = warm ?? newWorker();
	warm = undefined;
	const started = performance.now();
	let finished = false;

	const end = (reason: EndReason) => {
		if (finished) return;
		finished = true;
		clearTimeout(timer);
		worker.terminate();
		handlers.ended(reason, performance.now() - started);
	};
	const timer = setTimeout(() => end('time-limit'), TIME_LIMIT_MS);

	worker.onmessage = ({ data }: MessageEvent<RunEvent>) => {
		if (finished) return;
		switch (data.type) {
			case 'output':
				handlers.output(data.stream, data.text);
				break;
			case 'capped':
				end('output-cap');
				break;
			case 'exit':
			case 'crash':
				finished = true;
				clearTimeout(timer);
				warm ??= worker;
				if (data.type === 'exit') handlers.exit(data.code, data.panicked, data.ms);
				else handlers.crash(data.message);
		}
	};
	worker.onerror = (event) => {
		event.preventDefault();
		if (finished) return;
		finished = true;
		clearTimeout(timer);
		worker.terminate();
		handlers.crash(event.message || 'the runner failed to start');
	};
	const request: RunRequest = {
		type: 'run',
		module,
		bin: program.bin,
		args: program.args,
		stdin: new TextEncoder().encode(program.stdin),
		files,
		outputCap: OUTPUT_CAP_BYTES,
	};
	worker.postMessage(request);
	return () => end('stopped');
}
