/**
 * Programs per client per minute, so one learner (or one stuck script) in
 * a room cannot keep the compiler busy for everyone else. A sliding window:
 * the times of each client's last requests, forgotten after a minute.
 */
export class RateLimit {
	#recent = new Map<string, number[]>();
	readonly perMinute: number;
	readonly #now: () => number;

	constructor(perMinute: number, now: () => number = Date.now) {
		this.perMinute = perMinute;
		this.#now = now;
	}

	/** 0 when `client` may go ahead (and it is counted), else the milliseconds until it may. */
	take(client: string): number {
		const now = this.#now();
		const since = now - 60_000;
		const times = (this.#recent.get(client) ?? []).filter((t) => t > since);
		if (times.length >= this.perMinute) {
			this.#recent.set(client, times);
			return times[0]! - since;
		}
		times.push(now);
		this.#recent.set(client, times);
		// A room has tens of clients; sweep the idle ones now and then.
		if (this.#recent.size > 1000) for (const [key, list] of this.#recent) if (list.every((t) => t <= since)) this.#recent.delete(key);
		return 0;
	}
}

/**
 * Who a request comes from: its socket's address, or behind a load balancer
 * (PLAYGROUND_TRUST_PROXY=1) the last address it added to X-Forwarded-For.
 * Never trust that header otherwise: any client can write it.
 */
export function clientOf(remoteAddress: string | undefined, forwardedFor: string | string[] | undefined, trustProxy: boolean): string {
	if (trustProxy && typeof forwardedFor === 'string') {
		const last = forwardedFor.split(',').map((s) => s.trim()).filter(Boolean).at(-1);
		if (last) return last;
	}
	return remoteAddress ?? 'unknown';
}
