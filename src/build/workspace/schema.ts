/**
 * The parts of examples/'s Cargo files the site reads, as zod schemas: the
 * workspace manifest's members, each crate's [package], [[bin]],
 * [dependencies] and [package.metadata.*] tables, and Cargo.lock's
 * packages. Cargo's own keys are let through (loose objects: Cargo has
 * dozens the site never reads); the site's metadata tables are strict, so a
 * misspelt key (`comand`) fails instead of being ignored. What each
 * declaration means is documented where it is used: src/build/workspace/
 * model.ts (must-fail, exercise, runnable) and scripts/captures.ts.
 */
import { z } from 'zod/v4';
import { parse } from 'smol-toml';

export const workspaceManifestSchema = z.looseObject({
	workspace: z.looseObject({ members: z.array(z.string()) }),
});

/** `[package.metadata.must-fail] bin = { compile-error = "E0382" }` or `{ panic = "message" }`. */
const failureSchema = z.union(
	[z.strictObject({ 'compile-error': z.string().regex(/^E\d{4}$/, 'expected a rustc error code such as "E0382"') }), z.strictObject({ panic: z.string().min(1) })],
	// When neither key is there, zod cannot tell which was meant: one message for both.
	{ error: 'expected { compile-error = "E…" } or { panic = "…" }' },
);

const runnableSchema = z
	.strictObject({
		/** Defaults to the crate's name, i.e. src/main.rs. */
		bin: z.string().optional(),
		args: z.array(z.string()).default([]),
		/** Relative to the crate; mounted at the same paths. */
		files: z.array(z.string()).default([]),
		stdin: z.string().default(''),
		capture: z.string().optional(),
		fixture: z.boolean().default(false),
		/** false: no wasm; Run sends the code to the Playground or the compile server (threads, tokio). */
		'in-page': z.boolean().default(true),
		/** Why it cannot run in the page, ending the panel's sentence "…not in the page: <why>." */
		why: z.string().min(1).optional(),
	})
	// A server runs the program with no arguments, input or files, and the
	// learner is told why before pressing Run: both hold, or the panel lies.
	.refine((r) => r['in-page'] || r.why !== undefined, 'a runnable with in-page = false needs why = "…", the reason the panel gives')
	.refine((r) => !r['in-page'] || r.why === undefined, 'why = "…" is only for a runnable with in-page = false')
	.refine(
		(r) => r['in-page'] || (r.args.length === 0 && r.files.length === 0 && r.stdin === '' && !r.fixture),
		'a runnable with in-page = false runs on a server, which takes no args, stdin or files (and it is no fixture)',
	);

const rustFile = z.string().endsWith('.rs', 'expected a path to a .rs file');

const exerciseSchema = z
	.strictObject({
		/** The id in `npm run exercise <part>/<name>`; defaults to `bin`. */
		name: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'expected lower-case letters, digits and hyphens').optional(),
		/** A binary of the crate whose source is the solution (src/bin/<bin>.rs unless a [[bin]] says otherwise)… */
		bin: z.string().optional(),
		/** …or the solution's file, relative to the crate, when it is no cargo target. */
		solution: rustFile.optional(),
		/** Relative to the crate. */
		starter: rustFile,
		/** "page": the page's Check runs it on the compile server; "local": it needs PostgreSQL, so `npm run exercise` checks it. */
		checked: z.enum(['page', 'local']).default('page'),
	})
	// One of the two: with both, one would be silently ignored.
	.refine((x) => (x.bin === undefined) !== (x.solution === undefined), 'expected bin = "…" or solution = "…", exactly one of them')
	.refine((x) => x.solution === undefined || x.name !== undefined, 'an exercise declared by its solution file needs a name = "…"');

const captureSchema = z
	.strictObject({
		/** The saved transcript, relative to the crate. */
		file: z.string(),
		command: z.string().optional(),
		commands: z.array(z.string()).min(1).optional(),
		server: z.string().optional(),
		until: z.string().optional(),
		env: z.record(z.string(), z.string()).default({}),
		exit: z.int().min(0).max(255).default(0),
		database: z.boolean().default(false),
		root: z.boolean().default(false),
		/** Timings: compared with every number masked; --update saves the real run (scripts/lib/golden.ts). */
		measured: z.boolean().default(false),
	})
	// One of the two: with both, one would be silently left out of the transcript.
	.refine((c) => (c.command === undefined) !== (c.commands === undefined), 'expected command = "…" or commands = ["…", …], exactly one of them');

/** A dependency is a version string or a table (version, features, workspace = true…). */
const dependencySchema = z.union([z.string(), z.looseObject({})], { error: 'expected a version string or a table' });

export const crateManifestSchema = z.looseObject({
	package: z.looseObject({
		name: z.string().min(1),
		metadata: z
			.looseObject({
				'must-fail': z.record(z.string(), failureSchema).default({}),
				exercise: z.array(exerciseSchema).default([]),
				runnable: z.array(runnableSchema).default([]),
				captures: z.array(captureSchema).default([]),
			})
			.prefault({}),
	}),
	bin: z.array(z.looseObject({ name: z.string().min(1), path: z.string().optional() })).default([]),
	dependencies: z.record(z.string(), dependencySchema).default({}),
	'dev-dependencies': z.record(z.string(), dependencySchema).default({}),
});

export const lockSchema = z.looseObject({
	package: z
		.array(
			z.looseObject({
				name: z.string(),
				version: z.string(),
				/** Absent for the workspace's own crates. */
				source: z.string().optional(),
				/** "name", or "name version" when several versions are locked. */
				dependencies: z.array(z.string()).default([]),
			}),
		)
		.default([]),
});

export type CrateManifest = z.infer<typeof crateManifestSchema>;
export type DeclaredFailure = z.infer<typeof failureSchema>;
export type DeclaredRunnable = z.infer<typeof runnableSchema>;
export type DeclaredCapture = z.infer<typeof captureSchema>;
export type Lock = z.infer<typeof lockSchema>;

/** `["package", "metadata", "runnable", 0, "args"]` → `package.metadata.runnable[0].args`, as TOML names it. */
function keyPath(path: readonly PropertyKey[]): string {
	return path.map((key, i) => (typeof key === 'number' ? `[${key}]` : `${i === 0 ? '' : '.'}${String(key)}`)).join('') || '(top level)';
}

/** A TOML file's text as a plain value; a syntax error names the file and the line. */
export function parseToml(text: string, file: string): unknown {
	try {
		return parse(text);
	} catch (error) {
		throw new Error(`${file}: not valid TOML: ${(error as Error).message.split('\n')[0]}`);
	}
}

/**
 * Checks a parsed file against its schema. Every problem is reported at
 * once, on one line, each naming its key and what was expected:
 * `crate demo (examples/demo/Cargo.toml): package.metadata.runnable[0].args: expected array, received string`.
 */
export function validate<T extends z.ZodType>(schema: T, value: unknown, label: string): z.output<T> {
	const result = schema.safeParse(value);
	if (result.success) return result.data;
	const problems = result.error.issues.map((issue) => `${keyPath(issue.path)}: ${issue.message.replace(/^Invalid input: /, '')}`);
	throw new Error(`${label}: ${problems.join('; ')}`);
}
