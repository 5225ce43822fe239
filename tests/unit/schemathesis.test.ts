import { describe, expect, it } from 'vitest';
import { countResults } from '../../scripts/lib/schemathesis.ts';

describe("counting schemathesis's results for the test total", () => {
	it('adds up the phases, passed and failed', () => {
		const run = ' ✅  Coverage (in 5.0s)\n\n     ✅ 6 passed\n\n ❌  Fuzzing (in 3.2s)\n\n     ✅ 4 passed  ❌ 2 failed\n\n     Scenarios:    64\n\n     ✅ 62 passed  ❌ 2 failed\n';
		expect(countResults(run)).toEqual({ passed: 72, failed: 4 });
	});

	it('counts nothing in output without results', () => {
		expect(countResults('Schema Loading Error\n')).toEqual({ passed: 0, failed: 0 });
	});
});
