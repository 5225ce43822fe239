/**
 * In the page: turns a project's mount entries (paths with text or base64)
 * into the nested tree `WebContainer.mount` takes, with binary files as
 * bytes. Pure, so that unit tests check exactly what gets mounted.
 */
import type { DirectoryNode, FileSystemTree } from '@webcontainer/api';
import type { MountEntry } from '../../shared/mount-entry.ts';

export function toFileSystemTree(entries: readonly MountEntry[]): FileSystemTree {
	const root: FileSystemTree = {};
	for (const entry of entries) {
		const parts = entry.path.split('/');
		if (parts.some((part) => part === '' || part === '.' || part === '..')) throw new Error(`not a plain relative path: ${entry.path}`);
		const name = parts.pop()!;
		let folder = root;
		for (const part of parts) {
			const node = (folder[part] ??= { directory: {} });
			if (!('directory' in node)) throw new Error(`${entry.path}: ${part} is a file, not a folder`);
			folder = (node as DirectoryNode).directory;
		}
		if (name in folder) throw new Error(`${entry.path} is listed twice`);
		folder[name] = { file: { contents: 'text' in entry ? entry.text : base64Bytes(entry.base64) } };
	}
	return root;
}

function base64Bytes(base64: string): Uint8Array {
	const binary = atob(base64);
	const bytes = new Uint8Array(binary.length);
	for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
	return bytes;
}
