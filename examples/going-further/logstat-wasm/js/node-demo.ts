// Node.js calling the WebAssembly module the site serves: read a log, hand
// it to Rust in chunks of whole lines, print the totals.
//
//   node js/node-demo.ts ../../cli/logstat/samples/access.log
import { readFileSync } from 'node:fs';
import { wholeLines } from './chunks.ts';

// ANCHOR: node
const dir = new URL('../../../../public/wasm/going-further/logstat-wasm/', import.meta.url);
// The glue wasm-bindgen wrote (--target web): initSync takes the module's
// bytes, so Node needs no fetch and no file URL tricks.
const { initSync, LogStats } = await import(new URL('logstat_wasm.js', dir).href);
initSync({ module: readFileSync(new URL('logstat_wasm_bg.wasm', dir)) });

const stats = new LogStats();
for (const chunk of wholeLines(readFileSync(process.argv[2]!), 64 * 1024)) {
	stats.feedChunk(chunk); // one crossing per chunk, not per line
}
const summary = JSON.parse(stats.summary());
// Rust's memory is given back when the collector finds `stats` unreachable
// (wasm-bindgen registers it), which may be never: free it now.
stats.free();
// ANCHOR_END: node
console.log(summary);
