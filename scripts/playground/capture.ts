/**
 * Runs one command of the compile server with a wall-clock limit and an
 * output cap, killing its whole process group on either. (The kernel
 * limits are set inside the sandbox; a sleeping program uses no CPU, so
 * only a timer stops it.)
 */
import { spawn } from 'node:child_process';
import { constants } from 'node:os';

export interface Captured {
	code: number | null;
	/** The signal that ended the process, by name; read through bwrap's 128+N exit code too. */
	signal: string | undefined;
	stdout: string;
	stderr: string;
	timedOut: boolean;
	capped: boolean;
}

const signalNames = new Map(Object.entries(constants.signals).map(([name, number]) => [number, name]));

export function capture(
	{ command, args, cwd, env }: { command: string; args: string[]; cwd?: string | undefined; env?: NodeJS.ProcessEnv | undefined },
	timeMs: number,
	cap: number,
	/** bwrap reports a child killed by signal N as exit code 128+N. */
	boxed: boolean,
): Promise<Captured> {
	return new Promise((resolve) => {
		const child = spawn(command, args, { cwd, env: env ?? {}, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
		const out = { stdout: '', stderr: '' };
		let size = 0;
		let timedOut = false;
		let capped = false;
		const kill = () => {
			try {
				process.kill(-child.pid!, 'SIGKILL');
			} catch {
				// already gone
			}
		};
		const timer = setTimeout(() => {
			timedOut = true;
			kill();
		}, timeMs);
		const take = (stream: 'stdout' | 'stderr') => (chunk: Buffer) => {
			if (capped) return;
			const room = cap - size;
			const text = chunk.toString('utf8');
			out[stream] += text.slice(0, room);
			size += Math.min(room, text.length);
			if (text.length > room) {
				capped = true;
				kill();
			}
		};
		child.stdout.on('data', take('stdout'));
		child.stderr.on('data', take('stderr'));
		child.on('error', (error) => {
			out.stderr += `${error.message}\n`;
		});
		child.on('close', (code, signal) => {
			clearTimeout(timer);
			const viaBox = boxed && code !== null && code > 128 ? signalNames.get(code - 128) : undefined;
			resolve({ code: viaBox ? null : code, signal: signal ?? viaBox, ...out, timedOut, capped });
		});
	});
}
