/**
 * The exit code a learner should see for a WASI run. A normal exit or
 * `std::process::exit` ends with the program's code. A Rust panic on
 * wasm32-wasip1 prints its message, then aborts, which WebAssembly reports
 * as a trap (`unreachable`): natively the same panic exits with 101, so a
 * trap after a panic message is shown as 101. Any other trap is a crash.
 * Used in the page's worker and by the Node WASI tests alike.
 */
export const PANIC_EXIT_CODE = 101;

export function trapExitCode(stderr: string): number {
	return /panicked at/.test(stderr) ? PANIC_EXIT_CODE : 134;
}
