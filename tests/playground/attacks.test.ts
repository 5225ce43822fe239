// Each attack on the compile server, through a real sandboxed server: a page
// of another site, a rebinding Host, and programs that try to leave their
// box or exhaust the machine. Each must be refused or contained, with the
// limit named in one sentence, and the server must answer a plain program
// after each one.
import { existsSync, readdirSync, rmSync, watch, writeFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { connect, createServer } from 'node:net';
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { send, SITE, startServer } from './server.ts';

type Started = Awaited<ReturnType<typeof startServer>>;
let server: Started;
beforeAll(async () => {
	server = await startServer({ runTimeMs: 5000 });
});

/** The folders the server makes while `during` runs: none means nothing was compiled. */
async function foldersMadeDuring(during: () => Promise<unknown>): Promise<number> {
	let made = 0;
	const watcher = watch(server.workRoot, () => made++);
	try {
		await during();
	} finally {
		watcher.close();
	}
	return made;
}

const PROGRAM = JSON.stringify({ code: 'fn main() { println!("pwned"); }', edition: '2024', mode: 'debug', tests: false });

describe('compile server: a page of another site', { timeout: 60_000 }, () => {
	it('refuses a cross-origin form POST (text/plain, no preflight) before compiling', async () => {
		let answer;
		const made = await foldersMadeDuring(async () => {
			answer = await send(server.url, { headers: { origin: 'https://evil.example', 'content-type': 'text/plain' }, body: PROGRAM });
		});
		expect(answer).toMatchObject({ status: 403, body: { error: "Refused: https://evil.example is not one of this server's sites; add it to PLAYGROUND_ORIGINS if it is yours." } });
		expect(answer!.headers['access-control-allow-origin']).toBeUndefined();
		expect(made).toBe(0);
		await server.stillServes();
	});

	it('refuses text/plain even from the site itself, so no request skips the preflight', async () => {
		const answer = await send(server.url, { headers: { origin: SITE, 'content-type': 'text/plain' }, body: PROGRAM });
		expect(answer).toMatchObject({ status: 403, body: { error: 'Refused: the request must be Content-Type: application/json, not "text/plain".' } });
		await server.stillServes();
	});

	it('refuses a cross-origin JSON POST and its preflight', async () => {
		const preflight = await send(server.url, {
			method: 'OPTIONS',
			headers: { origin: 'https://evil.example', 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' },
		});
		expect(preflight.status).toBe(403);
		expect(preflight.headers['access-control-allow-origin']).toBeUndefined();
		let answer;
		const made = await foldersMadeDuring(async () => {
			answer = await send(server.url, { headers: { origin: 'https://evil.example', 'content-type': 'application/json' }, body: PROGRAM });
		});
		expect(answer).toMatchObject({ status: 403, body: { error: expect.stringMatching(/^Refused: https:\/\/evil\.example/) } });
		expect(made).toBe(0);
		await server.stillServes();
	});

	it('answers the site\'s own preflight naming its origin, never *', async () => {
		const preflight = await send(server.url, { method: 'OPTIONS', headers: { origin: SITE, 'access-control-request-method': 'POST' } });
		expect(preflight.status).toBe(204);
		expect(preflight.headers['access-control-allow-origin']).toBe(SITE);
		expect(preflight.headers['vary']).toBe('Origin');
	});

	it('refuses a foreign Host header (a DNS-rebinding page)', async () => {
		const port = new URL(server.url).port;
		const answer = await send(server.url, { headers: { host: `rebind.attacker.example:${port}`, origin: SITE, 'content-type': 'application/json' }, body: PROGRAM });
		expect(answer).toMatchObject({ status: 403, body: { error: 'Refused: this server does not answer as "rebind.attacker.example"; add the name to PLAYGROUND_HOSTS if it is yours.' } });
		await server.stillServes();
	});

	it('refuses a request without the class token when one is set', async () => {
		const withToken = await startServer({}, 'class-token');
		expect(await withToken.execute('fn main() {}')).toMatchObject({ status: 403, body: { error: expect.stringContaining('class token') } });
		expect(await withToken.execute('fn main() { println!("ok"); }', {}, { authorization: 'Bearer class-token' })).toMatchObject({ status: 200, body: { stdout: 'ok\n' } });
	});
});

describe('compile server: a client that misbehaves', { timeout: 60_000 }, () => {
	it('stays up on request targets a URL parser trips on (// and an absolute URL)', async () => {
		expect(await send(server.url, { method: 'GET', path: '//', headers: { origin: SITE } })).toMatchObject({ status: 404 });
		const { port } = new URL(server.url);
		const status = await new Promise<number>((done, fail) => {
			httpRequest({ host: '127.0.0.1', port, path: 'http://evil.example/execute', headers: { origin: SITE } }, (res) => {
				res.resume();
				done(res.statusCode!);
			})
				.on('error', fail)
				.end();
		});
		expect(status).toBe(400);
		await server.stillServes();
	});

	it('stays up when a client hangs up halfway through its program', async () => {
		const { port } = new URL(server.url);
		await new Promise<void>((done) => {
			const socket = connect(Number(port), '127.0.0.1', () => {
				socket.write(`POST /execute HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nOrigin: ${SITE}\r\nContent-Type: application/json\r\nContent-Length: 5000\r\n\r\n{"code": "fn ma`);
				setTimeout(() => {
					socket.resetAndDestroy();
					done();
				}, 200);
			});
		});
		await server.stillServes();
	});
});

describe('compile server: a program that tries to leave its box', { timeout: 60_000 }, () => {
	it('cannot write outside its folder', async () => {
		const targets = [join(server.workRoot, 'escaped'), resolve('escaped-from-sandbox'), join(homedir(), 'escaped-from-sandbox')];
		const code = `fn main() { for path in ${JSON.stringify(targets)} { println!("{path}: {:?}", std::fs::write(path, "x").map_err(|e| e.kind())); } }`;
		const { body } = await server.execute(code);
		for (const path of targets) {
			expect(body['stdout']).toContain(`${path}: Err(`);
			expect(existsSync(path)).toBe(false);
		}
		await server.stillServes();
	});

	it('cannot read a file from the home folder, at run time or at compile time', async () => {
		const secret = join(homedir(), '.backend-rust-sandbox-probe');
		writeFileSync(secret, 'the secret');
		try {
			const run = await server.execute(`fn main() { println!("{:?}", std::fs::read_to_string(${JSON.stringify(secret)}).map_err(|e| e.kind())); }`);
			expect(run.body).toMatchObject({ success: true, stdout: 'Err(NotFound)\n' });
			const compile = await server.execute(`fn main() { println!("{}", include_str!(${JSON.stringify(secret)})); }`);
			expect(compile.body['success']).toBe(false);
			expect(compile.body['stderr']).toContain(`error: couldn't read \`${secret}\`: No such file or directory`);
			expect(JSON.stringify([run.body, compile.body])).not.toContain('the secret');
		} finally {
			rmSync(secret);
		}
		await server.stillServes();
	});

	it('cannot read the programs the server keeps for reuse (another learner\'s code), at run time or at compile time', async () => {
		await server.execute('fn main() { println!("a learner\'s program"); }');
		const kept = readdirSync(server.programs).filter((name) => name.endsWith('.bin'));
		expect(kept.length).toBeGreaterThan(0);
		const binary = join(server.programs, kept[0]!);
		const run = await server.execute(`fn main() { println!("{:?} {:?}", std::fs::read_dir(${JSON.stringify(server.programs)}).map(|_| ()).map_err(|e| e.kind()), std::fs::read(${JSON.stringify(binary)}).map(|b| b.len()).map_err(|e| e.kind())); }`);
		expect(run.body).toMatchObject({ success: true, stdout: 'Err(NotFound) Err(NotFound)\n' });
		const compile = await server.execute(`fn main() { println!("{}", include_bytes!(${JSON.stringify(binary)}).len()); }`);
		expect(compile.body['success']).toBe(false);
		expect(compile.body['stderr']).toContain(`error: couldn't read \`${binary}\`: No such file or directory`);
		await server.stillServes();
	});

	it('cannot write to its root, /etc or /dev, and /dev/shm holds 1 MB', async () => {
		const code = `fn main() {
    for path in ["/escaped", "/etc/escaped", "/dev/escaped", "/usr/escaped"] {
        println!("{path}: {:?}", std::fs::write(path, "x").map_err(|e| e.kind()));
    }
    println!("/dev/shm: {:?}", std::fs::write("/dev/shm/big", vec![0u8; 2 << 20]).map_err(|e| e.kind()));
}`;
		const { body } = await server.execute(code);
		expect(body['stdout']).toBe(
			['/escaped', '/etc/escaped', '/dev/escaped', '/usr/escaped'].map((p) => `${p}: Err(ReadOnlyFilesystem)\n`).join('') + '/dev/shm: Err(StorageFull)\n',
		);
		await server.stillServes();
	});

	it('cannot make a user namespace of its own (where it could mount past every limit)', async () => {
		const code = 'fn main() { let out = std::process::Command::new("unshare").args(["-Ur", "true"]).output().unwrap(); println!("{}", out.status.success()); eprint!("{}", String::from_utf8_lossy(&out.stderr)); }';
		const { body } = await server.execute(code);
		expect(body).toMatchObject({ success: true, stdout: 'false\n' });
		expect(body['stderr']).toContain('unshare failed');
		await server.stillServes();
	});

	it('cannot connect to a port on the machine\'s loopback', async () => {
		let connections = 0;
		const listener = createServer((socket) => {
			connections++;
			socket.end('hello from the host\n');
		});
		await new Promise<void>((done) => listener.listen(0, '127.0.0.1', done));
		const { port } = listener.address() as { port: number };
		try {
			const { body } = await server.execute(`fn main() { println!("{:?}", std::net::TcpStream::connect("127.0.0.1:${port}").map_err(|e| e.kind())); }`);
			expect(body).toMatchObject({ success: true, stdout: 'Err(ConnectionRefused)\n' });
			expect(connections).toBe(0);
		} finally {
			listener.close();
		}
		await server.stillServes();
	});
});

describe('compile server: a program that tries to exhaust the machine', { timeout: 60_000 }, () => {
	it('is stopped by the memory limit', async () => {
		const { body } = await server.execute('fn main() { let v: Vec<Vec<u8>> = (0..64).map(|_| vec![1u8; 64 << 20]).collect(); println!("{}", v.len()); }');
		expect(body).toMatchObject({ success: false, exitDetail: 'Stopped: the program asked for more than 512 MB of memory, the memory limit.' });
		expect(body['stderr']).toContain('memory allocation of 67108864 bytes failed');
		await server.stillServes();
	});

	it('is stopped by the thread limit when it spawns thousands of threads', async () => {
		const code = 'fn main() { let threads: Vec<_> = (0..5000).map(|_| std::thread::spawn(|| std::thread::sleep(std::time::Duration::from_secs(3)))).collect(); for t in threads { t.join().unwrap(); } }';
		const started = Date.now();
		const { body } = await server.execute(code);
		expect(body).toMatchObject({ success: false, exitDetail: 'Stopped: the program tried to start more than 64 threads and processes, the limit.' });
		expect(body['stderr']).toContain('failed to spawn thread');
		expect(Date.now() - started).toBeLessThan(5000);
		await server.stillServes();
	});

	it('is stopped by the CPU time limit, a kernel limit that holds below the wall-clock one', async () => {
		const cpu = await startServer({ runTimeMs: 10_000, run: { memoryBytes: 512 << 20, processes: 64, fileBytes: 16 << 20, cpuSeconds: 1 } });
		const { body } = await cpu.execute('fn main() { loop { std::hint::black_box(0u64); } }');
		expect(body).toMatchObject({ success: false, exitDetail: 'Stopped: the program used more than 1 s of CPU time, the limit.' });
		await cpu.stillServes();
	});

	it('is stopped by the file size limit, and by its folder\'s size', async () => {
		const big = await server.execute('fn main() { std::fs::write("big", vec![0u8; 32 << 20]).unwrap(); }');
		expect(big.body).toMatchObject({ success: false, exitDetail: 'Stopped: the program wrote a file larger than 16 MB, the file size limit.' });
		const many = await server.execute('fn main() { for i in 0..10 { std::fs::write(format!("part{i}"), vec![0u8; 15 << 20]).unwrap(); } }');
		expect(many.body).toMatchObject({ success: false, exitDetail: 'Stopped: the program filled its folder, which may hold 64 MB in all, the disk limit.' });
		await server.stillServes();
	});
});
