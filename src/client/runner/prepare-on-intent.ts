/**
 * Gets a Run panel's program ready before the learner presses Run: when the
 * pointer rests on the panel, or focus goes into it, its wasm is fetched and
 * compiled and a worker started (./wasm-run.ts prepare()), so the click only
 * instantiates and runs.
 *
 * The pointer must stay REST_MS on the panel: a pointer that crosses panels
 * while the page scrolls under it (or a finger that scrolls the page) would
 * otherwise fetch and compile every program it passes, up to half a
 * megabyte each. The rest is counted from the pointer's first move the
 * runner sees: the move that brought the pointer in only loaded the runner
 * (RunnerLoader.astro), and a learner's pointer goes on to the Run button.
 * A tap is over before it could rest; its click prepares and runs at once.
 * Focus is a deliberate move and prepares at once.
 */
import { loadEdit } from './edit-store.ts';
import { prepare } from './wasm-run.ts';

export const REST_MS = 100;

/**
 * The panels the pointer is on: the timer of its rest, then `true` once the
 * panel is prepared, so a pointer moving about the panel prepares it once a
 * visit (a visit after a failed prefetch tries again).
 */
const visits = new WeakMap<HTMLElement, ReturnType<typeof setTimeout> | true>();

const panelOf = (target: EventTarget | null) => (target instanceof Element ? target.closest<HTMLElement>('br-runner') : null);

function prepareNow(panel: HTMLElement) {
	const wasm = panel.dataset['wasm'];
	// An exercise has no wasm, and an edited program runs on the Playground.
	if (wasm === undefined || loadEdit(panel.dataset['source'] ?? '') !== undefined) return;
	let files: Record<string, string>;
	try {
		files = JSON.parse(panel.dataset['files'] ?? '{}') as Record<string, string>;
	} catch {
		return; // the Run reports it
	}
	prepare({ wasm, files });
}

function startResting(panel: HTMLElement) {
	if (visits.has(panel)) return;
	visits.set(
		panel,
		setTimeout(() => {
			visits.set(panel, true);
			prepareNow(panel);
		}, REST_MS),
	);
}

function endVisit(panel: HTMLElement) {
	const visit = visits.get(panel);
	if (visit !== true) clearTimeout(visit);
	visits.delete(panel);
}

let watching = false;

/** Watches every Run panel of the page, from now on; called once the runner is loaded. */
export function prepareOnIntent() {
	if (watching) return;
	watching = true;
	const moved = ({ target }: Event) => {
		const panel = panelOf(target);
		if (panel) startResting(panel);
	};
	document.addEventListener('pointerover', moved, { passive: true });
	document.addEventListener('pointermove', moved, { passive: true });
	document.addEventListener('pointerout', ({ target, relatedTarget }) => {
		const panel = panelOf(target);
		if (panel && panelOf(relatedTarget) !== panel) endVisit(panel);
	});
	document.addEventListener('focusin', ({ target }) => {
		const panel = panelOf(target);
		if (panel) prepareNow(panel);
	});
	// Focus that loaded the runner came before these listeners.
	for (const panel of document.querySelectorAll<HTMLElement>('br-runner:focus-within')) prepareNow(panel);
}
