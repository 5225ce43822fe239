import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';
import { LongestFirst } from './tests/longest-first.ts';

// The kinds of test: unit (pure functions), examples (the committed wasm),
// playground (the compile server, attacked through a real server), bench (the lab's peers against
// a real PostgreSQL), site (the built dist/), browser (real Chromium).
export default defineConfig({
	test: {
		// Three test files at a time, even on 2 cores: a file often waits on
		// another process (Chromium, the compile server, a PostgreSQL, a stack
		// of the lab being built), and a third file keeps both cores busy
		// meanwhile (98 % over a CI run's vitest step). On a 2-core machine
		// the whole suite took 579 s with two, 388 s with three, 442 s with four.
		maxWorkers: Math.max(3, availableParallelism() - 1),
		// The longest files first, even on a fresh clone (see the file).
		sequence: { sequencer: LongestFirst },
		projects: [
			{ test: { name: 'unit', include: ['tests/unit/**/*.test.ts'] } },
			{ test: { name: 'examples', include: ['tests/examples/**/*.test.ts'] } },
			// A real, sandboxed compile server (its first start builds the crate cache).
			{ test: { name: 'playground', include: ['tests/playground/**/*.test.ts'], testTimeout: 60_000, hookTimeout: 300_000 } },
			// Builds five stacks (the first Maven build downloads Spring Boot).
			{ test: { name: 'bench', include: ['tests/lab/**/*.test.ts'], testTimeout: 60_000, hookTimeout: 600_000 } },
			{ test: { name: 'site', include: ['tests/site/**/*.test.ts'], globalSetup: ['tests/site/require-build.ts'] } },
			{
				test: {
					name: 'browser',
					include: ['tests/browser/**/*.test.ts'],
					globalSetup: ['tests/site/require-build.ts', 'tests/browser/serve-sites.ts'],
					testTimeout: 120_000,
					hookTimeout: 300_000,
				},
			},
		],
	},
});
