import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Server } from 'node:http';
import { serveStatic } from '../../scripts/lib/static-server.ts';

describe('the static server behind npm run preview and the browser tests', () => {
	let site: { url: string; server: Server };
	beforeAll(async () => {
		const dir = mkdtempSync(join(tmpdir(), 'static-server-'));
		writeFileSync(join(dir, 'index.html'), '<h1>home</h1>');
		site = await serveStatic(dir);
	});
	afterAll(() => site.server.close());

	it('answers a malformed escape with 400 and keeps serving', async () => {
		const bad = await fetch(`${site.url}/%E0`);
		expect(bad.status).toBe(400);
		expect(await bad.text()).toBe('Bad request: /%E0 is not a valid URL path.\n');
		const home = await fetch(`${site.url}/`);
		expect([home.status, await home.text()]).toEqual([200, '<h1>home</h1>']);
	});
});
