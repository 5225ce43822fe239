#!/usr/bin/env node
// A WASI program as a shell command in the terminal sandbox. The sandbox
// mounts this file as bin/<name> beside bin/<name>.wasm (the page's own
// wasm32-wasip1 build) and puts bin/ on PATH, so `logstat --json x.log | ...`
// works as on a real machine. Node's WASI runs the module; WebContainer's
// Node provides it. CommonJS, with no file extension (it is a command):
// bin/package.json says "commonjs", so a project whose package.json says
// "module" cannot make Node read it as ESM.
'use strict';
const { readFileSync } = require('node:fs');
const { basename } = require('node:path');

// Node warns on every run that WASI is experimental; the shell should show
// what the program prints and nothing else. Other warnings still show.
const emitWarning = process.emitWarning;
process.emitWarning = function (warning, ...rest) {
	if (/\bWASI\b/.test(String(warning))) return;
	return emitWarning.call(this, warning, ...rest);
};
const { WASI } = require('node:wasi');

const wasi = new WASI({
	version: 'preview1',
	// argv[0] is the command's name, as the program would see it natively.
	args: [basename(__filename), ...process.argv.slice(2)],
	env: process.env,
	// The program sees the folder it was started in, so relative paths such
	// as samples/access.log work; stdin, stdout and stderr are the shell's.
	preopens: { '.': process.cwd() },
	returnOnExit: true,
});

WebAssembly.instantiate(readFileSync(__filename + '.wasm'), wasi.getImportObject())
	.then(({ instance }) => {
		process.exitCode = wasi.start(instance);
	})
	.catch((error) => {
		console.error(`${basename(__filename)}: ${error.message}`);
		process.exitCode = 1;
	});
