// The committed .wasm files are current, and each prints, under Node's WASI
// with its lesson's arguments and files, exactly what the lesson shows.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { inPageRunnables, outputDir, shownOutput, staleRunnables, wasmFile, wasmUrl } from '../../src/build/workspace/runnable.ts';
import { examplesRoot } from '../../src/build/workspace/workspace.ts';
import { maskMeasured } from '../../scripts/lib/golden.ts';
import { runWasi } from './wasi.ts';

const runnables = inPageRunnables();

describe('committed wasm', () => {
	it('declares runnable examples', () => {
		expect(runnables.length).toBeGreaterThan(0);
	});

	it('is current for every runnable example (else run `npm run wasm`)', () => {
		expect(staleRunnables(runnables)).toEqual([]);
	});

	it.each(runnables.filter((r) => r.capture).map((r) => [`${r.example} ${r.bin}`, r] as const))(
		'%s prints what its lesson shows',
		async (_, r) => {
			const files = Object.fromEntries(r.files.map((f) => [f, join(examplesRoot, r.example, f)]));
			const run = await runWasi(wasmFile(wasmUrl(r), outputDir(r)), r.bin, r.args, files, r.stdin);
			const shown = shownOutput(r)!;
			// Timings differ from the native run the page shows: the same lines, other figures.
			if (shown.measured) expect(maskMeasured(run.stdout + run.stderr)).toBe(maskMeasured(shown.text));
			else expect(run.stdout + run.stderr).toBe(shown.text);
			expect(run.exitCode).toBe(0);
		},
	);
});
