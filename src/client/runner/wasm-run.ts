/**
 * Runs a compiled example in a Web Worker with a time limit and an output
 * cap. The compiled module and sample files are fetched once per page
 * (./fetch-once.ts), and a worker is kept waiting for work: prepare() starts
 * both on the learner's intent, so a Run only instantiates and runs. A Stop,
 * the time limit or the cap terminates the worker (the only way to end a
 * busy WebAssembly program), and a fresh one is started at once for the
 * next run.
 */
import { compiled, fileBytes } from './fetch-once.ts';
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

/** A worker whose script is loaded (or loading), waiting for a run. */
let warm: Worker | undefined;

function newWorker(): Worker {
	return new Worker(new URL('./wasi-worker.ts', import.meta.url), { type: 'module' });
}

/** Starts a worker to wait for the next run, unless one already waits. */
function prepareWorker() {
	if (warm) return;
	const worker = newWorker();
	// A worker whose script cannot load (offline) is dropped quietly; the next
	// run starts its own and reports the failure as it does without a prefetch.
	worker.onerror = (event) => {
		event.preventDefault();
		if (warm === worker) warm = undefined;
	};
	warm = worker;
}

/** Keeps a worker whose run ended normally, for the next run; one waiting worker is enough. */
function keepWorker(worker: Worker) {
	if (warm) worker.terminate();
	else warm = worker;
}

function filesOf(program: Pick<WasmProgram, 'files'>): Promise<[string, Uint8Array][]> {
	return Promise.all(Object.entries(program.files).map(async ([path, url]) => [path, await fileBytes(url)] as [string, Uint8Array]));
}

/**
 * Gets a program ready to run: its module fetched and compiled, its files
 * fetched, a worker waiting. Shows nothing, even on failure: a Run that
 * follows fetches again and reports its own error.
 */
export function prepare(program: Pick<WasmProgram, 'wasm' | 'files'>) {
	compiled(program.wasm).catch(() => {});
	filesOf(program).catch(() => {});
	prepareWorker();
}

/** Starts the program; returns a function that stops it. */
export async function runWasm(program: WasmProgram, handlers: RunHandlers): Promise<() => void> {
	const [module, files] = await Promise.all([compiled(program.wasm), filesOf(program)]);
	const worker = warm ?? newWorker();
	warm = undefined;
	const started = performance.now();
	let finished = false;

	const end = (reason: EndReason) => {
		if (finished) return;
		finished = true;
		clearTimeout(timer);
		worker.terminate();
		prepareWorker();
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
				keepWorker(worker);
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
