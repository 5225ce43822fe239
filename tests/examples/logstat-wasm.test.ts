// The Going further WebAssembly lesson's module (public/wasm/going-further/
// logstat-wasm/, built by `node scripts/task.ts wasm:logstat`) is current
// against its sources, and, called from Node, gives the same totals a line
// at a time, a chunk at a time, and as the lesson's JavaScript parsers do.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { glueFile, staleness, wasmFile } from '../../scripts/lib/logstat-wasm.ts';
import { examplesRoot } from '../../src/build/workspace/workspace.ts';
import { wholeLines } from '../../examples/going-further/logstat-wasm/js/chunks.ts';
import { regexText } from '../../examples/going-further/logstat-wasm/js/regex.ts';
import { LineParser, scanLine, scanText, seconds, secondsIn } from '../../examples/going-further/logstat-wasm/js/scanner.ts';
import { Totals } from '../../examples/going-further/logstat-wasm/js/summary.ts';

interface LogStats {
	feedLine(line: string): void;
	feedChunk(bytes: Uint8Array): void;
	summary(): string;
	free(): void;
}
let LogStatsClass: new () => LogStats;

beforeAll(async () => {
	const glue = await import(glueFile);
	glue.initSync({ module: readFileSync(wasmFile) });
	LogStatsClass = glue.LogStats;
});

const samples = ['access.log', 'real-world.log'].map((name) => [name, readFileSync(join(examplesRoot, 'cli/logstat/samples', name))] as const);

function rust(feed: (stats: LogStats) => void): unknown {
	const stats = new LogStatsClass();
	feed(stats);
	const summary = JSON.parse(stats.summary());
	stats.free();
	return summary;
}

function javascript(parse: (text: string, totals: Totals) => void, bytes: Buffer): unknown {
	const totals = new Totals();
	parse(bytes.toString('utf8'), totals);
	return totals.summary();
}

describe('the logstat WebAssembly module', () => {
	it('is current against logstat and logstat-wasm (else run node scripts/task.ts wasm:logstat)', () => {
		expect(staleness()).toEqual([]);
	});

	it.each(samples)('%s: per line, per chunk, whole, and both JavaScript parsers agree', (_, bytes) => {
		const whole = rust((s) => s.feedChunk(bytes));
		expect(whole).toMatchObject({ lines: expect.any(Number), requests: expect.any(Number) });
		expect(rust((s) => bytes.toString('utf8').split('\n').forEach((line) => s.feedLine(line)))).toEqual(whole);
		for (const size of [1, 100, 4096]) {
			expect(rust((s) => [...wholeLines(bytes, size)].forEach((chunk) => s.feedChunk(chunk)))).toEqual(whole);
		}
		expect(javascript(scanText, bytes)).toEqual(whole);
		expect(javascript(regexText, bytes)).toEqual(whole);
		// The scanner a line at a time (the bench's per-line row): its cached stamp carries across texts.
		const parser = new LineParser('');
		expect(javascript((text, totals) => text.split('\n').forEach((line) => scanLine(line, parser, totals)), bytes)).toEqual(whole);
	});

	it('reads a duration in place as it reads a copy of it', () => {
		for (const value of ['0.042', '1834', '1.', '0.000001', '0.0000015', '1e3', '12345678901234', '-1', '.5', 'x', '']) {
			expect(secondsIn(` ${value} `, 1, value.length + 1)).toBe(seconds(value));
		}
		expect(seconds('0.042')).toBe(42_000);
		expect(seconds('1e3')).toBe(1_000_000_000);
		expect(seconds('-1')).toBeUndefined();
	});

	it('gives the CLI’s totals on its sample (logstat’s captures/report.txt)', () => {
		const report = readFileSync(join(examplesRoot, 'cli/logstat/captures/report.txt'), 'utf8');
		const summary = rust((s) => s.feedChunk(samples[0]![1])) as { requests: number; malformed: number; peak: number };
		expect(report).toContain(`${summary.requests} requests in samples/access.log`);
		expect(report).toContain(`${summary.malformed} malformed lines`);
		expect(report).toMatch(new RegExp(`peak ${summary.peak} at`));
	});

	it('never cuts a line between chunks, whatever the size', () => {
		const bytes = samples[1]![1];
		for (const size of [1, 7, 64, bytes.length, bytes.length * 2]) {
			const chunks = [...wholeLines(bytes, size)];
			expect(Buffer.concat(chunks).equals(bytes)).toBe(true);
			for (const chunk of chunks.slice(0, -1)) expect(chunk.at(-1)).toBe(10);
		}
	});
});
