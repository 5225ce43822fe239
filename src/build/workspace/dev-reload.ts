/**
 * An Astro integration for `npm run dev`: the workspace model
 * (./model.ts) is read once per process, so without this a change to a
 * crate's Cargo.toml or to Cargo.lock would not reach the pages until the
 * dev server restarts. On such a change it forgets the model and reloads
 * the browser; the next render reads the files again.
 */
import type { AstroIntegration } from 'astro';
import { join } from 'node:path';
import { forgetWorkspace } from './model.ts';
import { examplesRoot } from './workspace.ts';

/** A file whose content the model is built from. */
export function feedsTheModel(path: string, root: string = examplesRoot): boolean {
	return path.startsWith(join(root, '/')) && /(^|\/)Cargo\.(toml|lock)$/.test(path) && !path.includes('/target/');
}

export function workspaceDevReload(): AstroIntegration {
	return {
		name: 'backend-rust:workspace-dev-reload',
		hooks: {
			'astro:server:setup': ({ server }) => {
				server.watcher.add([join(examplesRoot, 'Cargo.lock'), join(examplesRoot, '**/Cargo.toml')]);
				server.watcher.on('change', (path) => {
					if (!feedsTheModel(path)) return;
					forgetWorkspace();
					server.ws.send({ type: 'full-reload' });
				});
			},
		},
	};
}
