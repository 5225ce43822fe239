/**
 * The projects a learner can open in the terminal sandbox, one route each
 * (`/sandbox/<id>/`). A project mounts files from `examples/` exactly as
 * they are, plus commands built from the committed WebAssembly in
 * `public/wasm/` (`npm run wasm`), so the sandbox never holds a copy that
 * could drift from what the lessons show and the tests check.
 */

/** A command in the sandbox's `bin/`, run from its wasm32-wasip1 build. */
export interface WasiCommand {
	/** What the learner types. */
	name: string;
	/** The build under `public/`, e.g. `wasm/cli/logstat/logstat.wasm`. */
	wasm: string;
}

export interface SandboxProject {
	/** The route's last segment and WebContainer's working folder name. */
	id: string;
	title: string;
	/** One sentence for the page's description. */
	summary: string;
	/** The folder under `examples/` whose files are mounted. */
	example: string;
	/** Files and folders of that example to mount, relative to it. */
	include: readonly string[];
	commands: readonly WasiCommand[];
	/** What to type first, and what each command shows. */
	tryThese: readonly { command: string; shows: string }[];
	/** The lesson the sandbox belongs to, for its links back. */
	lesson: { href: string; title: string };
}

export const projects: readonly SandboxProject[] = [
	{
		id: 'logstat',
		title: 'Terminal sandbox: logstat',
		summary: 'A shell in the page with logstat, its source and its sample logs: pipe its JSON into other commands and edit the samples.',
		example: 'cli/logstat',
		include: ['Cargo.toml', 'src', 'samples'],
		commands: [{ name: 'logstat', wasm: 'wasm/cli/logstat/logstat.wasm' }],
		tryThese: [
			{ command: 'ls samples', shows: 'the four sample logs: Combined, gzip, JSON lines, and real-world.log with the quirks real servers write' },
			{ command: 'logstat samples/access.log', shows: 'the report the lessons show, from the same WebAssembly build' },
			{ command: 'logstat --json --top 3 samples/app.jsonl', shows: 'the report as JSON, for scripts' },
			{ command: 'logstat samples/real-world.log', shows: 'IPv6, HTTP/3, escapes and a 64 KiB path read, a cut-off line and a last line with no newline reported' },
			{
				command: `logstat --json samples/access.log | node -e "let s='';process.stdin.on('data',d=>s+=d).on('end',()=>console.log(JSON.parse(s).status_classes))"`,
				shows: 'one field of the JSON picked out by another program, as jq would at work',
			},
			{ command: 'cat samples/access.log | logstat --top 3', shows: 'logstat reading standard input when it is given no file' },
			{ command: 'logstat samples/nowhere.log', shows: 'the one-line error for a missing file' },
			{ command: 'logstat --format xml samples/access.log', shows: 'clap rejecting an unknown format' },
		],
		lesson: { href: '/cli/shipping-a-binary/', title: 'Shipping a binary' },
	},
	{
		id: 'node-fastify',
		title: 'Terminal sandbox: the Node.js peer',
		summary: 'The benchmarking lab’s Node.js + Fastify service in a shell in the page: install it, start it and send it requests.',
		example: 'bench/node-fastify',
		include: ['package.json', 'package-lock.json', 'server.js'],
		commands: [],
		tryThese: [
			{ command: 'npm ci --omit=dev', shows: 'the locked dependencies installed from package-lock.json, as the lab builds this peer (npm may warn that the peer asks for Node 24: the sandbox runs WebContainer’s own Node.js)' },
			{ command: 'npm ls', shows: 'the exact Fastify and pg versions the lab measured' },
			{
				command: 'PORT=3000 POOL_SIZE=1 DATABASE_URL=postgres://localhost/none node server.js',
				shows:
					'the server started, with a link under the terminal to its /plaintext; there is no PostgreSQL in the browser, so /users/1 cannot answer (Ctrl-C stops the server)',
			},
		],
		lesson: { href: '/benchmarking/reproduce/', title: 'Reproduce it yourself' },
	},
];

export function projectById(id: string): SandboxProject {
	const project = projects.find((p) => p.id === id);
	if (!project) throw new Error(`no sandbox project "${id}" (known: ${projects.map((p) => p.id).join(', ')})`);
	return project;
}
