/**
 * Why the terminal cannot start here, if it cannot, in words a learner
 * reads once: checked before any runtime byte is fetched, so a browser that
 * will never boot WebContainer is told at once instead of waiting.
 */

export interface Environment {
	online: boolean;
	crossOriginIsolated: boolean;
	sharedArrayBuffer: boolean;
	hostname: string;
	apiKey: string;
}

/** Hosts where WebContainer runs without an API key. */
const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/** How long the runtime may take to arrive before the learner is told. */
export const BOOT_LIMIT_MS = 15_000;

/** Also rendered into the page, for when even the sandbox's script cannot load. */
export const OFFLINE = 'this browser is offline, and the terminal’s runtime has to be fetched from StackBlitz when it starts';

export function unavailableReason(env: Environment): string | null {
	if (!env.online) return OFFLINE;
	// Isolation first: browsers hide SharedArrayBuffer on a page that is not
	// isolated, so a missing header would otherwise be blamed on the browser.
	if (!env.crossOriginIsolated) return 'this page was served without the cross-origin isolation headers WebContainer needs (see public/_headers)';
	if (!env.sharedArrayBuffer) return 'this browser lacks SharedArrayBuffer, which WebContainer needs';
	if (!env.apiKey && !LOCAL_HOSTS.has(env.hostname)) return 'this copy of the site was built without a WebContainer API key, which any address but localhost needs';
	return null;
}

/** The one sentence shown when the terminal cannot start. */
export function cannotStart(reason: string): string {
	return `The terminal cannot start: ${reason}. The Run buttons in the lessons still work, offline too.`;
}

export function currentEnvironment(apiKey: string): Environment {
	return {
		online: navigator.onLine,
		crossOriginIsolated: globalThis.crossOriginIsolated === true,
		sharedArrayBuffer: typeof SharedArrayBuffer === 'function',
		hostname: location.hostname,
		apiKey,
	};
}

/** Rejects with `message` if `promise` has not settled within `ms`. */
export function within<T>(promise: Promise<T>, ms: number, message: string): Promise<T> {
	return new Promise((resolve, reject) => {
		const timer = setTimeout(() => reject(new Error(message)), ms);
		promise.then(
			(value) => (clearTimeout(timer), resolve(value)),
			(error) => (clearTimeout(timer), reject(error)),
		);
	});
}
