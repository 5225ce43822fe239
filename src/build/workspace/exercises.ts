/**
 * Exercises across the workspace: the id a learner types
 * (`npm run exercise api/delete-user`: the part, then the exercise's name),
 * finding one by it, and the crates its program uses, which the page names
 * so the learner knows what the checking server must offer.
 */
import type { Crate, Exercise, Workspace } from './model.ts';

/** The part of the course a crate belongs to: its first folder under examples/ (`api`, `rust-book`). */
export function partOf(crate: Crate): string {
	return crate.path.split('/')[0]!;
}

export function exerciseId(crate: Crate, exercise: Exercise): string {
	return `${partOf(crate)}/${exercise.name}`;
}

export interface FoundExercise {
	crate: Crate;
	exercise: Exercise;
}

/** Every exercise with its id; two with one id are a mistake in the manifests. */
export function exercisesById(ws: Pick<Workspace, 'crates'>): Map<string, FoundExercise> {
	const byId = new Map<string, FoundExercise>();
	for (const crate of ws.crates) {
		for (const exercise of crate.exercises) {
			const id = exerciseId(crate, exercise);
			const other = byId.get(id);
			if (other) throw new Error(`Two exercises are called ${id}: in ${other.crate.name} and in ${crate.name}. Give one a name = "…" of its own.`);
			byId.set(id, { crate, exercise });
		}
	}
	return byId;
}

/**
 * The crate's dependencies (dev-dependencies included: tests use tower and
 * http-body-util) that the code names (`axum::…`, `use tokio…`,
 * `#[tokio::test]`), with the versions it was tested with, sorted by name;
 * none means the standard library alone.
 */
export function cratesUsed(code: string, crate: Pick<Crate, 'tested' | 'testedDev'>): Crate['tested'] {
	const all = [...crate.tested, ...crate.testedDev.filter((dev) => !crate.tested.some((t) => t.name === dev.name))];
	return all.filter(({ name }) => new RegExp(`\\b${name.replaceAll('-', '_')}::`).test(code)).sort((a, b) => a.name.localeCompare(b.name));
}
