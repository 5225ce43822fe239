// The parser most JavaScript code would start with: one regular expression
// a line. For comparison with the scanner (scanner.ts) and the Rust module.
import { clfTime, Totals } from './summary.ts';
import { requestPath, seconds } from './scanner.ts';

// host ident user [time] "request" status size "referer" "agent" [duration]
const COMBINED = /^\S+ +\S+ +\S+ +\[([^\]]*)\] +"((?:[^"\\]|\\.)*)" +(\d{3}) +(\d+|-) +"(?:[^"\\]|\\.)*" +"(?:[^"\\]|\\.)*"(?: +(\S+))?\s*$/;

export function regexText(text: string, totals: Totals): void {
	for (let line of text.split('\n')) {
		if (line.endsWith('\r')) line = line.slice(0, -1);
		if (line.trim() === '') continue;
		totals.lines++;
		const m = COMBINED.exec(line);
		const time = m ? clfTime(m[1]!) : NaN;
		const status = m ? Number(m[3]) : 0;
		const durationUs = m?.[5] === undefined ? undefined : seconds(m[5]);
		if (!m || Number.isNaN(time) || status < 100 || status > 599 || (m[5] !== undefined && durationUs === undefined)) {
			totals.malformed++;
			continue;
		}
		totals.record({ time, path: requestPath(m[2]!, 0, m[2]!.length), status, durationUs });
	}
}
