/**
 * Runs what a users API image holds, as a container engine would, and asks
 * it for /health from another address of this machine.
 *
 * `podman run` cannot start containers on the machines this project is
 * built on (crun fails on setrlimit and on hybrid cgroups), so bubblewrap
 * plays the engine's part, as for the compile server's image
 * (scripts/playground/image/check.ts): the image's files (`podman image
 * mount`, copied so the mount points /proc, /dev and /etc can be added)
 * become the root, read-only; the image's user (in a user namespace), its
 * environment and its entrypoint, which runs as process 1 of a new PID
 * namespace, as in a container. The network is the host's, as with
 * `--network host`: the service's 0.0.0.0 is then this machine's addresses,
 * so a request through a non-loopback one shows it is reachable from the
 * network.
 */
import { execFileSync, type ChildProcess } from 'node:child_process';
import { createSocket } from 'node:dgram';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnGroup } from '../lib/process-group.ts';

export interface ImageConfig {
	size: number;
	layers: number;
	user: string;
	env: string[];
	exposed: string[];
	entrypoint: string[];
	workingDir: string;
}

interface Inspected {
	Size: number;
	RootFS: { Layers?: string[] };
	Config: { User?: string; Env?: string[]; ExposedPorts?: Record<string, unknown>; Entrypoint?: string[]; Cmd?: string[]; WorkingDir?: string };
}

/** What `podman image inspect` says of `tag`. */
export function imageConfig(tag: string): ImageConfig {
	const [image] = JSON.parse(execFileSync('podman', ['image', 'inspect', tag], { encoding: 'utf8' })) as Inspected[];
	const c = image!.Config;
	return {
		size: image!.Size,
		layers: image!.RootFS.Layers?.length ?? 0,
		user: c.User || '0',
		env: c.Env ?? [],
		exposed: Object.keys(c.ExposedPorts ?? {}),
		entrypoint: [...(c.Entrypoint ?? []), ...(c.Cmd ?? [])],
		workingDir: c.WorkingDir || '/',
	};
}

/** The image's files, copied out of `podman image mount` into a new folder. */
function unpack(tag: string): string {
	const root = mkdtempSync(join(tmpdir(), 'users-api-root-'));
	const mounted = execFileSync('podman', ['image', 'mount', tag], { encoding: 'utf8' }).trim();
	try {
		cpSync(mounted, root, { recursive: true, preserveTimestamps: true });
	} finally {
		execFileSync('podman', ['image', 'unmount', tag], { stdio: 'ignore' });
	}
	return root;
}

/** Every file and folder under `dir`, as paths from its root. */
function listing(dir: string, prefix = '/'): string[] {
	return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
		const path = `${prefix}${entry.name}`;
		return entry.isDirectory() ? [`${path}/`, ...listing(join(dir, entry.name), `${path}/`)] : [path];
	});
}

/**
 * The address of this machine that its routing table would send from to
 * reach 203.0.113.1 (reserved for documentation): connecting a UDP socket
 * picks the route and sends nothing. tests/reachability.rs finds it the same way.
 */
function nonLoopbackAddress(): Promise<string> {
	return new Promise((resolve, reject) => {
		const socket = createSocket('udp4');
		socket.once('error', (error) => reject(new Error(`this machine has no route beyond loopback (${error.message}): nothing to try the service from`)));
		socket.connect(9, '203.0.113.1', () => {
			const { address } = socket.address();
			socket.close();
			if (address.startsWith('127.') || address === '0.0.0.0') reject(new Error(`the route chose ${address}, not an address another machine could use`));
			else resolve(address);
		});
	});
}

const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));
// tracing colours its output even into a pipe.
const plain = (text: string) => text.replace(/\x1b\[[0-9;]*m/g, '');

interface Started {
	child: ChildProcess;
	/** The service's own pid, as this machine sees it (process 1 inside). */
	pid: Promise<number>;
	output: () => string;
	exited: Promise<number | string>;
	stop: () => Promise<void>;
}

/** bwrap arguments that show the image's own /etc files again over an empty /etc. */
function imageEtc(root: string): string[] {
	return readdirSync(join(root, 'etc')).flatMap((file) => ['--ro-bind', join(root, 'etc', file), `/etc/${file}`]);
}

/** Starts the image's entrypoint under bubblewrap, in `root`, with the image's environment and `extra` after it. */
function start(root: string, config: ImageConfig, extra: Record<string, string>, hosts: string | undefined): Started {
	const [uid, gid = uid] = config.user.split(':');
	const env = new Map(config.env.map((e) => [e.slice(0, e.indexOf('=')), e.slice(e.indexOf('=') + 1)]));
	for (const [name, value] of Object.entries(extra)) env.set(name, value);
	const args = [
		'--ro-bind', root, '/',
		'--proc', '/proc',
		'--dev', '/dev',
		// An engine writes /etc/hosts (and resolv.conf) into every container,
		// beside the image's own /etc files (its nsswitch.conf), which the
		// in-memory /etc that takes the hosts file must show again.
		...(hosts === undefined ? [] : ['--tmpfs', '/etc', ...imageEtc(root), '--ro-bind', hosts, '/etc/hosts']),
		'--unshare-user', '--uid', uid!, '--gid', gid!,
		// --as-pid-1: no init of bubblewrap's in between, as with `docker run` without --init.
		'--unshare-pid', '--as-pid-1', '--unshare-ipc', '--unshare-uts',
		'--info-fd', '3',
		'--chdir', config.workingDir,
		'--clearenv',
		...[...env].flatMap(([name, value]) => ['--setenv', name, value]),
		'--',
		...config.entrypoint,
	];
	const group = spawnGroup('bwrap', args, { stdio: ['ignore', 'pipe', 'pipe', 'pipe'] });
	const { child } = group;
	let output = '';
	child.stdout!.on('data', (chunk: Buffer) => (output += plain(chunk.toString())));
	child.stderr!.on('data', (chunk: Buffer) => (output += plain(chunk.toString())));
	let info = '';
	const pid = new Promise<number>((resolve, reject) => {
		const infoPipe = child.stdio[3]!;
		infoPipe.on('data', (chunk: Buffer) => (info += chunk.toString()));
		infoPipe.on('end', () => {
			const childPid = (JSON.parse(info || '{}') as { 'child-pid'?: number })['child-pid'];
			if (childPid === undefined) reject(new Error(`bwrap reported no child pid: ${output}`));
			else resolve(childPid);
		});
	});
	const exited = new Promise<number | string>((resolve) => child.on('close', (code, signal) => resolve(signal ?? code ?? 'unknown')));
	return { child, pid, output: () => output, exited, stop: () => group.stop() };
}

/** Waits until the service says it listens, or exits; true when it listens. */
async function listening(run: Started): Promise<boolean> {
	let done = false;
	void run.exited.then(() => (done = true));
	for (let waited = 0; waited < 60_000; waited += 100) {
		if (run.output().includes('listening on')) return true;
		if (done) return false;
		await sleep(100);
	}
	throw new Error(`not listening after 60 s:\n${run.output()}`);
}

/** Sends SIGTERM to the service (process 1 inside), as `docker stop` does, and waits for it to exit. */
async function terminate(run: Started): Promise<number | string> {
	process.kill(await run.pid, 'SIGTERM');
	const status = await Promise.race([run.exited, sleep(15_000).then(() => 'still running 15 s after SIGTERM')]);
	await run.stop();
	return status;
}

/**
 * The service's output as the transcript shows it: without the per-request
 * lines, which carry a latency that changes from run to run. The others
 * start with their timestamp, which the captures' comparison masks.
 */
const shown = (output: string) =>
	output
		.trimEnd()
		.split('\n')
		.filter((line) => !line.includes('tower_http::trace'))
		.join('\n');

/** GET /health through `host`: its status and body. */
async function health(host: string, port: string): Promise<{ status: number; body: string }> {
	const response = await fetch(`http://${host}:${port}/health`, { signal: AbortSignal.timeout(10_000) });
	return { status: response.status, body: await response.text() };
}

/** What a caller adds to the image's runs (the Shipping lesson's probes). */
export interface RunOptions {
	/** Set in every run, after the image's Env and DATABASE_URL. */
	env?: Record<string, string>;
	/**
	 * Asked in the first run, after /health answered and before the SIGTERM
	 * that ends it: `outside` is the non-loopback address, `pid` the
	 * service's as this machine sees it. False fails the check.
	 */
	whileServing?: (service: { outside: string; port: string; pid: number }) => Promise<boolean>;
}

/** Runs the image `tag` three times (below); true when each run did what it should. */
export async function runImage(tag: string, config: ImageConfig, options: RunOptions = {}): Promise<boolean> {
	const databaseUrl = process.env['DATABASE_URL'];
	if (!databaseUrl) throw new Error('DATABASE_URL is not set: the service needs a PostgreSQL to start (the capture gives it a fresh database)');
	const root = unpack(tag);
	// Beside the root, not in it: the runs that get it bind it over /etc/hosts.
	const hosts = `${root}-hosts`;
	let passed = true;
	try {
		console.log(`files in the image: ${listing(root).join(' ')}`);
		// The mount points an engine creates; empty, as in a container before it starts.
		for (const dir of ['proc', 'dev', 'etc']) mkdirSync(join(root, dir), { recursive: true });
		writeFileSync(hosts, '127.0.0.1\tlocalhost\n::1\tlocalhost ip6-localhost ip6-loopback\n');
		const outside = await nonLoopbackAddress();
		const port = new Map(config.env.map((e) => e.split('=') as [string, string])).get('PORT') ?? '3000';

		console.log(`\nrun: the image's files as / (read-only), user ${config.user}, its Env plus DATABASE_URL, ${config.entrypoint.join(' ')} as process 1, the host's network (bwrap)`);
		const service = start(root, config, { DATABASE_URL: databaseUrl, ...options.env }, hosts);
		try {
			if (!(await listening(service))) throw new Error(`the service exited before listening:\n${service.output()}`);
			for (const [what, host] of [['a non-loopback address of this machine', outside], ['127.0.0.1', '127.0.0.1']] as const) {
				const { status, body } = await health(host, port);
				passed &&= status === 200;
				console.log(`GET /health through ${what}: ${status} ${body}`);
			}
			if (options.whileServing) passed = (await options.whileServing({ outside, port, pid: await service.pid })) && passed;
			const status = await terminate(service);
			passed &&= status === 0;
			console.log(`SIGTERM to process 1 (what docker stop sends): exited with ${status}`);
		} finally {
			await service.stop();
			console.log(`the service's output, but for the request lines:\n${shown(service.output())}`);
		}

		// A name instead of an IP address: glibc, linked in statically,
		// still reads /etc/hosts and asks DNS (built into libc since 2.34),
		// but needs those files, which only the engine provides.
		const byName = new URL(databaseUrl);
		byName.hostname = 'localhost';
		for (const withHosts of [false, true]) {
			console.log(`\nrun: DATABASE_URL naming localhost, ${withHosts ? 'with an /etc/hosts as engines write it' : 'with no /etc/hosts'}`);
			const run = start(root, config, { DATABASE_URL: byName.href, ...options.env }, withHosts ? hosts : undefined);
			try {
				const listens = await listening(run);
				passed &&= listens === withHosts;
				if (listens) {
					// Once it answers, its SIGTERM handler is installed (it is
					// polled with the server); a SIGTERM before that, process 1
					// would ignore.
					const { status } = await health('127.0.0.1', port);
					passed &&= status === 200;
					console.log(`GET /health: ${status}; SIGTERM: exited with ${await terminate(run)}`);
				} else {
					console.log(`never listened: exited with ${await run.exited}`);
				}
			} finally {
				await run.stop();
				console.log(shown(run.output()));
			}
		}
	} catch (error) {
		console.log(`FAILED: ${(error as Error).message}`);
		passed = false;
	} finally {
		rmSync(root, { recursive: true, force: true });
		rmSync(hosts, { force: true });
	}
	console.log(passed ? '\nimage check passed' : '\nimage check FAILED (see above)');
	return passed;
}
