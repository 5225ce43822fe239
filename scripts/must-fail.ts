/**
 * Proves every must-fail snippet still fails the way its lesson says:
 * a compile error with the declared code (E0433…), or a panic with the
 * declared message. A snippet that now works, or fails another way, fails
 * this script. What the compiler or program printed is saved beside the
 * snippet as <name>.stderr, which the lesson shows.
 *
 *   node scripts/task.ts must-fail            check (the test command runs this)
 *   node scripts/task.ts must-fail --update   rewrite the .stderr files
 *   node scripts/task.ts must-fail --update book-ownership   only these crates (by name)
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { examplesRoot, cratesNamedIn, type Crate, type MustFail } from '../src/build/workspace/workspace.ts';
import { golden, report, type GoldenResult } from './lib/golden.ts';
import { defineTask } from './lib/task.ts';

function cargo(args: string[], env: NodeJS.ProcessEnv = {}) {
	return spawnSync('cargo', args, {
		cwd: examplesRoot,
		encoding: 'utf8',
		env: { ...process.env, CARGO_TERM_COLOR: 'never', ...env },
	});
}

interface CargoMessage {
	reason: string;
	target?: { name: string; kind: string[] };
	executable?: string | null;
	message?: { level: string; code?: { code: string } | null; rendered: string };
}

interface Built {
	/** The compiler's errors for this binary, in the order it printed them. */
	errors: { code: string | undefined; rendered: string }[];
	/** The binary, when it compiled. */
	executable: string | undefined;
}

/**
 * Builds every must-fail binary of a crate in one cargo call: `--keep-going`
 * carries on past the (expected) failures, and each message names the
 * target it belongs to. One call per crate instead of one per snippet saves
 * cargo's start-up and lets it compile the snippets side by side.
 */
function buildSnippets(crate: Crate): Map<string, Built> {
	const built = new Map<string, Built>(crate.mustFail.map((s) => [s.bin, { errors: [], executable: undefined }]));
	const bins = crate.mustFail.flatMap((s) => ['--bin', s.bin]);
	const build = cargo(['build', '-p', crate.name, ...bins, '--features', 'must-fail', '--keep-going', '--message-format=json']);
	for (const line of build.stdout.split('\n')) {
		if (!line.startsWith('{')) continue;
		const m = JSON.parse(line) as CargoMessage;
		const target = m.target?.kind.includes('bin') ? built.get(m.target.name) : undefined;
		if (!target) continue;
		if (m.reason === 'compiler-message' && m.message?.level === 'error') {
			target.errors.push({ code: m.message.code?.code, rendered: m.message.rendered });
		}
		if (m.reason === 'compiler-artifact' && m.executable) target.executable = m.executable;
	}
	// Cargo itself failed before any target (a broken manifest): say so for each.
	if (build.status !== 0 && [...built.values()].every((b) => b.errors.length === 0 && !b.executable)) {
		throw new Error(`cargo could not build ${crate.name}'s must-fail snippets:\n${build.stderr}`);
	}
	return built;
}

/** Whether one snippet fails as declared; returns what it printed, or why not. */
function check(snippet: MustFail, built: Built): { output: string } | { problem: string } {
	const rendered = () => built.errors.map((e) => e.rendered.trimEnd()).join('\n\n') + '\n';
	if ('compileError' in snippet.expect) {
		const want = snippet.expect.compileError;
		if (built.executable) return { problem: `it compiles, but the lesson says it fails with ${want}` };
		const codes = built.errors.map((e) => e.code).filter(Boolean);
		if (!codes.includes(want)) return { problem: `it fails with ${codes.join(', ') || 'no error code'}, not ${want}:\n${rendered()}` };
		return { output: rendered() };
	}

	if (!built.executable) return { problem: `it should compile and then panic, but does not compile:\n${rendered()}` };
	const run = spawnSync(built.executable, {
		encoding: 'utf8',
		env: { ...process.env, RUST_BACKTRACE: '0' },
	});
	if (run.status !== 101 || !run.stderr.includes(snippet.expect.panic)) {
		return { problem: `expected a panic (exit 101) with “${snippet.expect.panic}”; got exit ${run.status}:\n${run.stderr}` };
	}
	return { output: run.stderr };
}

export default defineTask({
	name: 'must-fail',
	description: 'checks every must-fail snippet still fails as its lesson says, and its saved output',
	options: {
		update: { type: 'boolean', description: 'rewrite the saved .stderr files' },
	},
	positionals: '[crate…]',
	run(values, crates) {
		const results: GoldenResult[] = [];
		// Crate names narrow the run, e.g. to one lesson's crate.
		for (const crate of cratesNamedIn(crates)) {
			if (crate.mustFail.length === 0) continue;
			const built = buildSnippets(crate);
			for (const snippet of crate.mustFail) {
				const example = `${crate.name}/${snippet.bin} (examples/${snippet.source})`;
				const outcome = check(snippet, built.get(snippet.bin)!);
				const file = join(examplesRoot, snippet.source.replace(/\.rs$/, '.stderr'));
				results.push(
					'problem' in outcome
						? { file, ok: false, message: `${example}: ${outcome.problem}` }
						: golden(file, outcome.output, example, examplesRoot, values.update === true),
				);
			}
		}
		report(results, 'npm run examples:update');
	},
});
