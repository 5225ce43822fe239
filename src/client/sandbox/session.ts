/**
 * The sandbox itself, loaded only after Start: boots WebContainer, mounts
 * the project, and wires an xterm.js terminal to a `jsh` shell whose PATH
 * starts with the project's `bin/` (the WASI commands). Beside it, the
 * project's files (open one to edit and save it) and Reset, which puts the
 * original files back and starts a fresh shell.
 */
import { WebContainer, configureAPIKey, type WebContainerProcess } from '@webcontainer/api';
import { FitAddon } from '@xterm/addon-fit';
import { Terminal } from '@xterm/xterm';
// As text, added to the page by openSandbox: Astro drops a plain CSS import
// in a lazily loaded chunk, and this keeps the bytes out until Start.
import xtermCss from '@xterm/xterm/css/xterm.css?inline';
import type { MountEntry } from '../../shared/mount-entry.ts';
import { toFileSystemTree } from './file-system-tree.ts';
import { BOOT_LIMIT_MS, within } from '../../shared/sandbox-availability.ts';

interface Options {
	filesUrl: string;
	project: string;
	apiKey: string;
}

/** Folders not listed: `npm ci` fills node_modules with thousands of files. */
const UNLISTED = new Set(['node_modules', '.git']);
/** Larger files are listed but not opened in the editor. */
const EDITABLE_BYTES = 256 * 1024;

export async function openSandbox(host: HTMLElement, options: Options): Promise<void> {
	if (options.apiKey) configureAPIKey(options.apiKey);
	const [container, entries] = await Promise.all([
		within(
			WebContainer.boot({ coep: 'require-corp', workdirName: options.project }),
			BOOT_LIMIT_MS,
			`WebContainer’s runtime did not arrive from StackBlitz within ${BOOT_LIMIT_MS / 1000} seconds, so the network may be blocking it`,
		),
		fetchEntries(options.filesUrl),
	]);
	const tree = toFileSystemTree(entries);
	await container.mount(tree);

	const style = document.createElement('style');
	style.textContent = xtermCss;
	document.head.append(style);
	const ui = layout(host);
	const terminal = new Terminal({ convertEol: true, fontSize: 14, theme: themeOf(host) });
	const fit = new FitAddon();
	terminal.loadAddon(fit);
	terminal.open(ui.terminal);
	fit.fit();

	let shell = await startShell(container, terminal);
	new ResizeObserver(() => {
		fit.fit();
		shell.resize({ cols: terminal.cols, rows: terminal.rows });
	}).observe(ui.terminal);

	// A server started in the shell (the Node.js peer) gets a URL of its own.
	container.on('server-ready', (port, url) => {
		const link = document.createElement('a');
		link.href = `${url}/plaintext`;
		link.target = '_blank';
		link.rel = 'noopener';
		link.textContent = `open ${url}/plaintext in a new tab`;
		ui.servers.replaceChildren(`Port ${port} is listening: `, link, '.');
	});

	const files = new FilesPanel(container, ui);
	await files.refresh();
	ui.reset.addEventListener('click', async () => {
		if (!confirm('Reset puts the project’s original files back and starts a new shell; your changes are lost.')) return;
		shell.kill();
		for (const name of await container.fs.readdir('.')) await container.fs.rm(name, { recursive: true, force: true });
		await container.mount(tree);
		terminal.reset();
		shell = await startShell(container, terminal);
		await files.refresh();
		terminal.focus();
	});
	terminal.focus();
}

async function fetchEntries(url: string): Promise<MountEntry[]> {
	const response = await fetch(url);
	if (!response.ok) throw new Error(`the project’s files could not be loaded (${url} answered ${response.status})`);
	return ((await response.json()) as { files: MountEntry[] }).files;
}

async function startShell(container: WebContainer, terminal: Terminal): Promise<WebContainerProcess> {
	const bin = `${container.workdir}/bin`;
	// Mounted files carry no mode bits: make the WASI commands executable
	// (harmless where the shell does not check).
	await container
		.spawn('chmod', ['-R', '+x', 'bin'])
		.then((chmod) => chmod.exit)
		.catch(() => undefined);
	const shell = await container.spawn('jsh', {
		terminal: { cols: terminal.cols, rows: terminal.rows },
		env: { PATH: `${bin}:${container.path}` },
	});
	shell.output.pipeTo(new WritableStream({ write: (data) => terminal.write(data) })).catch(() => undefined);
	const input = shell.input.getWriter();
	const typing = terminal.onData((data) => void input.write(data));
	shell.exit.then(() => typing.dispose());
	return shell;
}

interface Layout {
	terminal: HTMLElement;
	servers: HTMLElement;
	list: HTMLUListElement;
	refresh: HTMLButtonElement;
	reset: HTMLButtonElement;
	editor: HTMLTextAreaElement;
	editorLabel: HTMLLabelElement;
	save: HTMLButtonElement;
	editorStatus: HTMLElement;
}

function layout(host: HTMLElement): Layout {
	const id = host.dataset['project'];
	const panel = document.createElement('div');
	panel.className = 'sandbox-panel';
	panel.innerHTML = `
		<div class="sandbox-main">
			<div class="sandbox-terminal" role="region" aria-label="Terminal"></div>
			<p class="sandbox-servers" role="status"></p>
		</div>
		<div class="sandbox-files">
			<div class="sandbox-files-head">
				<h3 id="${id}-files">Files</h3>
				<button type="button" data-refresh>Refresh</button>
				<button type="button" data-reset>Reset the project</button>
			</div>
			<ul aria-labelledby="${id}-files"></ul>
			<label for="${id}-editor">Open a file to edit it</label>
			<textarea id="${id}-editor" spellcheck="false" rows="12" disabled></textarea>
			<div class="sandbox-editor-controls">
				<button type="button" data-save disabled>Save</button>
				<span role="status"></span>
			</div>
		</div>`;
	host.append(panel);
	const q = <T extends Element>(selector: string) => panel.querySelector<T>(selector)!;
	return {
		terminal: q('.sandbox-terminal'),
		servers: q('.sandbox-servers'),
		list: q('ul'),
		refresh: q('[data-refresh]'),
		reset: q('[data-reset]'),
		editor: q('textarea'),
		editorLabel: q('label'),
		save: q('[data-save]'),
		editorStatus: q('.sandbox-editor-controls [role=status]'),
	};
}

/** The working folder's files as a list; one opens in the editor. */
class FilesPanel {
	private open: string | null = null;

	constructor(
		private container: WebContainer,
		private ui: Layout,
	) {
		ui.refresh.addEventListener('click', () => void this.refresh());
		ui.save.addEventListener('click', () => void this.save());
	}

	async refresh(): Promise<void> {
		const paths = await this.walk('.');
		this.ui.list.replaceChildren(
			...paths.map((path) => {
				const item = document.createElement('li');
				const button = document.createElement('button');
				button.type = 'button';
				button.textContent = path;
				if (path === this.open) button.setAttribute('aria-current', 'true');
				button.addEventListener('click', () => void this.show(path));
				item.append(button);
				return item;
			}),
		);
	}

	private async walk(dir: string): Promise<string[]> {
		const entries = await this.container.fs.readdir(dir, { withFileTypes: true });
		const paths: string[] = [];
		for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name))) {
			const path = dir === '.' ? entry.name : `${dir}/${entry.name}`;
			if (entry.isDirectory()) {
				if (!UNLISTED.has(entry.name)) paths.push(...(await this.walk(path)));
			} else paths.push(path);
		}
		return paths;
	}

	private async show(path: string): Promise<void> {
		const { editor, editorLabel, save, editorStatus } = this.ui;
		const bytes = await this.container.fs.readFile(path);
		let text: string | null = null;
		if (bytes.length <= EDITABLE_BYTES) {
			try {
				text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
			} catch {
				text = null;
			}
		}
		this.open = text === null ? null : path;
		editorLabel.textContent = text === null ? `${path}: ${bytes.length.toLocaleString('en')} bytes, binary or too large to edit here` : `Contents of ${path}`;
		editor.value = text ?? '';
		editor.disabled = save.disabled = text === null;
		editorStatus.textContent = '';
		await this.refresh();
		if (text !== null) editor.focus();
	}

	private async save(): Promise<void> {
		if (!this.open) return;
		try {
			await this.container.fs.writeFile(this.open, this.ui.editor.value);
			this.ui.editorStatus.textContent = `Saved ${this.open}; run the command again to see the change.`;
		} catch (error) {
			// The text stays in the editor: nothing typed is lost.
			this.ui.editorStatus.textContent = `Not saved: ${error instanceof Error ? error.message : String(error)}`;
		}
	}
}

/** xterm.js draws on a canvas, so it takes the theme's colours as values. */
function themeOf(host: HTMLElement) {
	const style = getComputedStyle(host);
	return {
		background: style.getPropertyValue('--sl-color-black').trim() || '#17181c',
		foreground: style.getPropertyValue('--sl-color-white').trim() || '#ffffff',
		cursor: style.getPropertyValue('--sl-color-text-accent').trim() || '#ffffff',
	};
}
