/** Messages between the page and the worker that runs a program. */

export interface RunRequest {
	type: 'run';
	module: WebAssembly.Module;
	/** argv[0], the program's name. */
	bin: string;
	args: string[];
	stdin: Uint8Array;
	/** Files mounted in the working directory, by relative path. */
	files: [string, Uint8Array][];
	/** Bytes of output after which the worker stops forwarding and says so. */
	outputCap: number;
}

export type RunEvent =
	| { type: 'output'; stream: 'stdout' | 'stderr'; text: string }
	| { type: 'capped' }
	| { type: 'exit'; code: number; panicked: boolean; ms: number }
	| { type: 'crash'; message: string; ms: number };
