/**
 * Schemathesis, the OpenAPI fuzzer, in a Python virtualenv of its own in a
 * cache outside the clone (see ./python-tool.ts).
 */
import { ensurePythonTool, type PythonTool } from './python-tool.ts';

/** The version the fuzz run is pinned to, looked up with `pip index versions schemathesis`. */
export const SCHEMATHESIS_VERSION = '4.32.5';
export const SCHEMATHESIS: PythonTool = { package: 'schemathesis', version: SCHEMATHESIS_VERSION, command: 'schemathesis' };

/** The path of the `schemathesis` command, installing it first when the cache has none. */
export function ensureSchemathesis(): string {
	return ensurePythonTool(SCHEMATHESIS);
}

/** Sums the phases' "✅ N passed  ❌ M failed" lines (each operation or scenario is one test). */
export function countResults(output: string): { passed: number; failed: number } {
	let passed = 0;
	let failed = 0;
	for (const line of output.split('\n')) {
		const ok = /✅ (\d+) passed/.exec(line);
		const bad = /❌ (\d+) failed/.exec(line);
		if (ok) passed += Number(ok[1]);
		if (bad) failed += Number(bad[1]);
	}
	return { passed, failed };
}
