/**
 * The image's check: run the compile server the image holds, as the image
 * says to run it, and send it two programs as the course site would.
 *
 * `podman run` cannot start containers on the machines this project is
 * built on (crun fails on setrlimit and on hybrid cgroups), so the check
 * plays the container engine's part with bubblewrap: the image's files
 * (`podman image mount`) become the root, read-only, with a fresh /proc,
 * /dev and /tmp, and the image's own WorkingDir, Env and Entrypoint. Like a
 * privileged container it keeps root's capabilities, which the server's
 * own bubblewrap needs to make each program's sandbox; the network is the
 * host's, as with `-p`.
 */
import { execFileSync } from 'node:child_process';
import { createServer } from 'node:net';
import { spawnGroup } from '../../lib/process-group.ts';

/** The site's origin in development (`npm run dev`), always allowed. */
const ORIGIN = 'http://localhost:4321';

interface Program {
	name: string;
	code: string;
	stdout: string;
}

const PROGRAMS: Program[] = [
	{
		name: 'std (collections, a scoped thread)',
		code: `use std::collections::BTreeMap;

fn main() {
    let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
    for word in "the quick fox jumps over the lazy dog the end".split_whitespace() {
        *counts.entry(word).or_default() += 1;
    }
    let (word, n) = counts.iter().max_by_key(|(_, n)| **n).unwrap();
    println!("{word}: {n}");
    println!("from a thread: {}", std::thread::scope(|s| s.spawn(|| 40 + 2).join().unwrap()));
}
`,
		stdout: 'the: 3\nfrom a thread: 42\n',
	},
	{
		name: 'axum (served on the sandbox\'s own loopback, called over TCP)',
		code: `use axum::{Router, extract::Path, routing::get};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpListener, TcpStream};

#[tokio::main]
async fn main() {
    let app = Router::new().route("/hello/{name}", get(|Path(name): Path<String>| async move { format!("Hello, {name}!") }));
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let address = listener.local_addr().unwrap();
    tokio::spawn(async move { axum::serve(listener, app).await.unwrap() });

    let mut stream = TcpStream::connect(address).await.unwrap();
    stream.write_all(b"GET /hello/class HTTP/1.1\\r\\nHost: localhost\\r\\nConnection: close\\r\\n\\r\\n").await.unwrap();
    let mut response = String::new();
    stream.read_to_string(&mut response).await.unwrap();
    println!("{}", response.lines().next().unwrap());
    println!("{}", response.rsplit("\\r\\n").next().unwrap());
}
`,
		stdout: 'HTTP/1.1 200 OK\nHello, class!\n',
	},
];

interface ImageConfig {
	Env?: string[];
	Entrypoint?: string[];
	Cmd?: string[];
	WorkingDir?: string;
}

function freePort(): Promise<number> {
	return new Promise((resolve, reject) => {
		const server = createServer().listen(0, '127.0.0.1', () => {
			const { port } = server.address() as { port: number };
			server.close(() => resolve(port));
		});
		server.on('error', reject);
	});
}

const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

/** The argv that runs the image's entrypoint under bubblewrap, rooted in `root`, on `port`. */
function containerArgs(root: string, config: ImageConfig, port: number): string[] {
	const env = (config.Env ?? []).filter((e) => !e.startsWith('PORT=')).concat(`PORT=${port}`);
	const command = [...(config.Entrypoint ?? []), ...(config.Cmd ?? [])];
	if (command.length === 0) throw new Error('The image has no Entrypoint or Cmd.');
	return [
		'--ro-bind', root, '/',
		'--proc', '/proc',
		'--dev', '/dev',
		'--tmpfs', '/tmp',
		'--unshare-pid', '--unshare-ipc', '--unshare-uts',
		'--die-with-parent',
		// What --privileged gives a container: the server's bwrap needs
		// CAP_SYS_ADMIN (namespaces, mounts), CAP_NET_ADMIN (the sandbox's
		// loopback) and CAP_SETUID/SETGID/SETPCAP (setpriv to an unused uid).
		'--cap-add', 'ALL',
		'--chdir', config.WorkingDir || '/',
		'--clearenv',
		...env.flatMap((e) => ['--setenv', e.slice(0, e.indexOf('=')), e.slice(e.indexOf('=') + 1)]),
		'--',
		...command,
	];
}

/** Runs the check on image `tag`; true when both programs print what they should. */
export async function checkImage(tag: string): Promise<boolean> {
	const config = (JSON.parse(execFileSync('podman', ['image', 'inspect', tag], { encoding: 'utf8' })) as { Config: ImageConfig }[])[0]!.Config;
	const root = execFileSync('podman', ['image', 'mount', tag], { encoding: 'utf8' }).trim();
	console.log(`check: image ${tag} mounted read-only at ${root} (podman image mount)`);
	const port = await freePort();
	const args = containerArgs(root, config, port);
	console.log(`check: bwrap ${args.map((a) => (/[\s"]/.test(a) ? JSON.stringify(a) : a)).join(' ')}`);
	const group = spawnGroup('bwrap', args, { stdio: ['ignore', 'pipe', 'pipe'] });
	const server = group.child;
	let log = '';
	let exited: string | undefined;
	const show = (chunk: Buffer) => {
		log += chunk.toString();
		for (const line of chunk.toString().trimEnd().split('\n')) console.log(`  server | ${line}`);
	};
	server.stdout!.on('data', show);
	server.stderr!.on('data', show);
	const closed = new Promise<void>((resolve) => server.on('close', (code, signal) => ((exited = `${signal ?? code}`), resolve())));

	const url = `http://127.0.0.1:${port}`;
	let passed = true;
	try {
		for (let waited = 0; !log.includes('Compile server ready'); waited += 200) {
			if (exited !== undefined) throw new Error(`The image's server stopped (${exited}) before it was ready.`);
			if (waited > 60_000) throw new Error('The image\'s server was not ready after 60 s.');
			await sleep(200);
		}
		for (const program of PROGRAMS) {
			const started = Date.now();
			const response = await fetch(`${url}/execute`, {
				method: 'POST',
				headers: { Origin: ORIGIN, 'Content-Type': 'application/json' },
				body: JSON.stringify({ code: program.code, edition: '2024', mode: 'debug', tests: false }),
			});
			const answer = (await response.json()) as { success?: boolean; exitDetail?: string; stdout?: string; stderr?: string; error?: string };
			const ok = response.status === 200 && answer.success === true && answer.stdout === program.stdout;
			passed &&= ok;
			console.log(`\ncheck: POST /execute, ${program.name}: HTTP ${response.status} in ${Date.now() - started} ms, ${ok ? 'as expected' : 'WRONG'}`);
			console.log(JSON.stringify(answer, null, 2));
			if (!ok) console.log(`expected success with stdout ${JSON.stringify(program.stdout)}`);
		}
	} catch (error) {
		console.log(`check: ${(error as Error).message}`);
		passed = false;
	} finally {
		await group.stop();
		await closed;
		execFileSync('podman', ['image', 'unmount', tag], { stdio: 'ignore' });
	}
	console.log(passed ? '\ncheck: PASSED: both programs compiled and ran in the sandbox of the image\'s server.' : '\ncheck: FAILED (see above).');
	return passed;
}
