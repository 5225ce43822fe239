/**
 * What pressing Start does: the availability checks first (no network
 * needed), then the session, which fetches the runtime and the files. Any
 * failure ends in one sentence in the status line and a Start button that
 * can try again; nothing waits forever (BOOT_LIMIT_MS).
 */
import { cannotStart, currentEnvironment, unavailableReason } from '../../shared/sandbox-availability.ts';

/** `unavailable` shows a sentence and lets the learner try again: the page's
 * own, which also serves when this module cannot even load. */
export async function start(host: HTMLElement, button: HTMLButtonElement, unavailable: (sentence: string) => void): Promise<void> {
	const status = host.querySelector<HTMLElement>('.sandbox-status')!;
	const fail = (reason: string) => unavailable(cannotStart(reason));
	const apiKey = host.dataset['key'] ?? '';
	const reason = unavailableReason(currentEnvironment(apiKey));
	if (reason) return fail(reason);

	host.dataset['state'] = 'booting';
	status.textContent = 'Fetching WebContainer’s runtime from StackBlitz…';
	try {
		const { openSandbox } = await import('./session.ts');
		await openSandbox(host, { filesUrl: host.dataset['files']!, project: host.dataset['project']!, apiKey });
		host.dataset['state'] = 'ready';
		button.hidden = true;
		status.textContent = 'The terminal is ready: the project’s files are in the working folder.';
	} catch (error) {
		fail(error instanceof Error ? error.message.replace(/\.$/, '') : String(error));
	}
}
