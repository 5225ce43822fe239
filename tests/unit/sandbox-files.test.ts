// What the terminal sandbox mounts: files from examples/ as they are, and
// each WASI command as a Node.js wrapper beside the committed wasm build.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import type { FileSystemTree } from '@webcontainer/api';
import { afterAll, describe, expect, it } from 'vitest';
import { toFileSystemTree } from '../../src/client/sandbox/file-system-tree.ts';
import { mountEntries, type MountEntry } from '../../src/build/sandbox/mount-files.ts';
import { projectById, projects } from '../../src/build/sandbox/projects.ts';

const repo = join(import.meta.dirname, '../..');
const roots = { examples: join(repo, 'examples'), public: join(repo, 'public'), command: join(repo, 'src/container/wasi-command.cjs') };
const logstatDir = join(roots.examples, 'cli/logstat');

function bytesOf(entry: MountEntry | undefined): Buffer {
	if (!entry) throw new Error('missing entry');
	return 'text' in entry ? Buffer.from(entry.text) : Buffer.from(entry.base64, 'base64');
}

describe('mountEntries', () => {
	const entries = mountEntries(projectById('logstat'), roots);
	const byPath = new Map(entries.map((e) => [e.path, e]));

	it('mounts the crate’s sources and samples, byte for byte', () => {
		for (const path of ['Cargo.toml', 'src/main.rs', 'src/line.rs', 'src/line/tests.rs', 'samples/access.log', 'samples/app.jsonl']) {
			expect(bytesOf(byPath.get(path)), path).toEqual(readFileSync(join(logstatDir, path)));
		}
		expect(byPath.get('samples/access.log')).toHaveProperty('text');
	});

	it('sends binary files as base64: the gzip sample and the wasm build', () => {
		const gz = byPath.get('samples/access.log.gz');
		expect(gz).toHaveProperty('base64');
		expect(gunzipSync(bytesOf(gz)).toString()).toBe(readFileSync(join(logstatDir, 'samples/access.log'), 'utf8'));
		const wasm = bytesOf(byPath.get('bin/logstat.wasm'));
		expect(wasm.subarray(0, 4)).toEqual(Buffer.from('\0asm'));
		expect(wasm).toEqual(readFileSync(join(roots.public, 'wasm/cli/logstat/logstat.wasm')));
	});

	it('wires each command as the Node.js wrapper beside its wasm, read as CommonJS', () => {
		expect(JSON.parse((byPath.get('bin/package.json') as { text: string }).text)).toEqual({ type: 'commonjs' });
		expect(byPath.get('bin/logstat')).toEqual({ path: 'bin/logstat', text: readFileSync(roots.command, 'utf8') });
		expect((byPath.get('bin/logstat') as { text: string }).text.startsWith('#!/usr/bin/env node\n')).toBe(true);
	});

	it('mounts no build output, installed packages or files from outside the include list', () => {
		expect(entries.filter((e) => /(^|\/)(target|node_modules|captures|must-fail)\//.test(e.path))).toEqual([]);
		const node = mountEntries(projectById('node-fastify'), roots).map((e) => e.path);
		expect(node).toEqual(['package-lock.json', 'package.json', 'server.js']);
	});

	it('fails naming a listed file that does not exist', () => {
		const broken = { ...projectById('logstat'), include: ['nowhere'] };
		expect(() => mountEntries(broken, roots)).toThrow(/nowhere does not exist/);
	});

	it('has a unique id for every project', () => {
		expect(new Set(projects.map((p) => p.id)).size).toBe(projects.length);
		expect(() => projectById('nope')).toThrow('no sandbox project "nope" (known: logstat, node-fastify)');
	});
});

describe('toFileSystemTree', () => {
	it('nests folders and turns base64 into bytes', () => {
		const tree = toFileSystemTree([
			{ path: 'a/b/c.txt', text: 'hi' },
			{ path: 'a/d.bin', base64: Buffer.from([0, 1, 255]).toString('base64') },
			{ path: 'e', text: '' },
		]);
		expect(tree).toEqual({
			a: { directory: { b: { directory: { 'c.txt': { file: { contents: 'hi' } } } }, 'd.bin': { file: { contents: new Uint8Array([0, 1, 255]) } } } },
			e: { file: { contents: '' } },
		});
	});

	it('refuses paths that climb out, repeat, or put a file where a folder is', () => {
		expect(() => toFileSystemTree([{ path: '../x', text: '' }])).toThrow('not a plain relative path: ../x');
		expect(() => toFileSystemTree([{ path: '/x', text: '' }])).toThrow('not a plain relative path');
		expect(() => toFileSystemTree([{ path: 'x', text: '' }, { path: 'x', text: '' }])).toThrow('x is listed twice');
		expect(() => toFileSystemTree([{ path: 'x', text: '' }, { path: 'x/y', text: '' }])).toThrow('x/y: x is a file, not a folder');
	});
});

describe('the logstat command, from the mounted tree, under Node’s WASI', () => {
	// The tree written to disk as WebContainer would hold it, then the command
	// run as the shell would run it: `node bin/logstat …` in the project folder.
	const dir = mkdtempSync(join(tmpdir(), 'sandbox-'));
	afterAll(() => rmSync(dir, { recursive: true, force: true }));
	const write = (tree: FileSystemTree, at: string) => {
		for (const [name, node] of Object.entries(tree)) {
			const path = join(at, name);
			if ('directory' in node) write(node.directory, path);
			else if ('contents' in node.file) {
				mkdirSync(dirname(path), { recursive: true });
				writeFileSync(path, node.file.contents);
			}
		}
	};
	write(toFileSystemTree(mountEntries(projectById('logstat'), roots)), dir);
	// A project of ES modules around it must not change how the wrapper loads.
	writeFileSync(join(dir, 'package.json'), '{ "type": "module" }\n');
	const logstat = (args: string[], input?: Buffer) => spawnSync(process.execPath, ['bin/logstat', ...args], { cwd: dir, input, encoding: 'utf8' });
	const transcript = (name: string) => readFileSync(join(logstatDir, 'captures', name), 'utf8').split('\n').slice(1).join('\n');

	it('prints the report the lesson shows', () => {
		const run = logstat(['samples/access.log']);
		expect(run.stderr).toBe('');
		expect(run.status).toBe(0);
		expect(run.stdout).toBe(transcript('report.txt'));
	});

	it('reads standard input from a pipe', () => {
		const run = logstat(['--top', '3'], gunzipSync(readFileSync(join(logstatDir, 'samples/access.log.gz'))));
		expect(run.status).toBe(0);
		expect(run.stdout).toBe(transcript('stdin.txt'));
	});

	it('passes on the exit code and the one-line error', () => {
		const run = logstat(['samples/nowhere.log']);
		expect(run.status).toBe(1);
		expect(run.stderr).toMatch(/^logstat: cannot open samples\/nowhere\.log: No such file or directory/);
		expect(logstat(['--format', 'xml', 'samples/access.log']).status).toBe(2);
	});
});
