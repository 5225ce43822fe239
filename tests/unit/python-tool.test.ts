// The PyPI tool cache: a complete install is reused without running pip,
// and an interrupted one (no .complete marker) is never taken for complete.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ensurePythonTool, toolDir } from '../../scripts/lib/python-tool.ts';

const tool = { package: 'demo-tool', version: '1.2.3', command: 'demo' };

describe('a Python tool in its own cached virtualenv', () => {
	const saved = process.env['XDG_CACHE_HOME'];
	let cache = '';
	afterEach(() => {
		if (saved === undefined) delete process.env['XDG_CACHE_HOME'];
		else process.env['XDG_CACHE_HOME'] = saved;
		rmSync(cache, { recursive: true, force: true });
	});

	it('lives in a folder named after the package and its pinned version, outside the clone', () => {
		expect(toolDir(tool, { XDG_CACHE_HOME: '/cache' })).toBe('/cache/backend-rust/demo-tool-1.2.3');
	});

	it('reuses a complete install without running pip', () => {
		cache = mkdtempSync(join(tmpdir(), 'python-tool-'));
		process.env['XDG_CACHE_HOME'] = cache;
		const dir = toolDir(tool);
		mkdirSync(join(dir, 'bin'), { recursive: true });
		writeFileSync(join(dir, 'bin', 'demo'), '');
		writeFileSync(join(dir, '.complete'), 'demo-tool 1.2.3\n');
		expect(ensurePythonTool(tool)).toBe(join(dir, 'bin', 'demo'));
	});
});
