/**
 * Which contract a peer must answer before it is timed: the lab's (every
 * stack of the lab's service) or users-api's own (./users-api-contract.ts).
 */
import { contractProblems } from './contract.ts';
import type { Peer, Running } from './peers.ts';
import { usersApiContractProblems } from './users-api-contract.ts';

export function peerContractProblems(peer: Peer, server: Pick<Running, 'url' | 'output'>): Promise<string[]> {
	if (peer.contract !== 'users-api') return contractProblems(server.url);
	const origin = peer.env['CORS_ALLOW_ORIGINS']?.split(',')[0]?.trim();
	if (!origin) throw new Error(`${peer.name}: its peer.json sets no CORS_ALLOW_ORIGINS, so the CORS layer cannot be checked`);
	return usersApiContractProblems(server.url, { origin, log: server.output });
}
