/**
 * What every benchmark transcript says about where it ran, in one wording,
 * so transcripts of different scripts can be set side by side.
 */
import { cpus } from 'node:os';

/** e.g. "2 cores (Intel(R) Xeon(R) Processor)". */
export function machine(): string {
	return `${cpus().length} cores (${cpus()[0]?.model ?? 'unknown CPU'})`;
}
