/**
 * `/sandbox/<id>/files.json`: the files a sandbox project mounts, written at
 * build time from examples/ and public/wasm/. The page fetches it only when
 * the learner starts the terminal.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { join } from 'node:path';
import { mountEntries } from '../../../build/sandbox/mount-files.ts';
import { projectById, projects } from '../../../build/sandbox/projects.ts';

export const getStaticPaths = (() => projects.map((project) => ({ params: { project: project.id } }))) satisfies GetStaticPaths;

// The project's root: this file is bundled elsewhere at build, so
// import.meta.url would not point into src/ (the bench pages do the same).
const root = (path: string) => join(process.cwd(), path);

export const GET: APIRoute = ({ params }) => {
	const project = projectById(params['project']!);
	const files = mountEntries(project, { examples: root('examples'), public: root('public'), command: root('src/container/wasi-command.cjs') });
	return new Response(JSON.stringify({ project: project.id, files }), { headers: { 'content-type': 'application/json' } });
};
