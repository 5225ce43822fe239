/**
 * Serves the built site (dist/) and a stock Starlight site of the same
 * versions (built here, for the page-weight baseline), and hands their URLs
 * to the browser tests.
 */
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import type { TestProject } from 'vitest/node';
import { serveStatic } from '../../scripts/lib/static-server.ts';

export const STOCK_ROOT = 'tests/fixtures/stock-starlight';

declare module 'vitest' {
	export interface ProvidedContext {
		siteUrl: string;
		stockUrl: string;
	}
}

export default async function setup(project: TestProject) {
	// NODE_ENV: vitest sets it to "test", which would build the baseline in
	// development mode (Starlight then compiles its search loader away).
	const build = spawnSync('npx', ['astro', 'build', '--root', STOCK_ROOT, '--silent'], {
		env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', NODE_ENV: 'production' },
		encoding: 'utf8',
	});
	if (build.status !== 0) throw new Error(`building the stock Starlight fixture failed:\n${build.stderr}${build.stdout}`);
	const site = await serveStatic(resolve('dist'));
	const stock = await serveStatic(resolve(STOCK_ROOT, 'dist'));
	project.provide('siteUrl', site.url);
	project.provide('stockUrl', stock.url);
	return () => {
		site.server.close();
		stock.server.close();
	};
}
