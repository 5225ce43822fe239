// Every program a lesson marks `in-page = false` (threads, tokio) is what its
// Run button sends to the compile server: unedited, in debug mode, under the
// server's own limits. Each must run there and print what its lesson shows
// (the same lines, other figures, for a measured transcript), or the panel
// promises a run that the server cannot give.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { maskMeasured } from '../../scripts/lib/golden.ts';
import { DEFAULT_LIMITS } from '../../scripts/playground/limits.ts';
import { workspace } from '../../src/build/workspace/model.ts';
import { shownOutput } from '../../src/build/workspace/runnable.ts';
import { examplesRoot } from '../../src/build/workspace/workspace.ts';
import { startServer } from './server.ts';

const serverRunnables = workspace().runnables.filter((r) => !r.inPage);

describe('compile server: the programs the page cannot run', { timeout: 180_000 }, () => {
	it('has some to run', () => {
		expect(serverRunnables.length).toBeGreaterThan(0);
	});

	it.each(serverRunnables.map((r) => [`${r.example} ${r.bin}`, r] as const))('%s runs there and prints what its lesson shows', async (_, r) => {
		// The limits a learner's Run meets, not the tighter ones of the attack tests.
		const { runTimeMs, outputCap } = DEFAULT_LIMITS;
		const { execute } = await startServer({ runTimeMs, outputCap });
		const { status, body } = await execute(readFileSync(join(examplesRoot, r.source), 'utf8'));
		expect(status).toBe(200);
		expect(body, String(body['stderr'])).toMatchObject({ success: true });
		const shown = shownOutput(r);
		if (!shown) return;
		if (shown.measured) expect(maskMeasured(String(body['stdout']))).toBe(maskMeasured(shown.text));
		else expect(body['stdout']).toBe(shown.text);
	});
});
