/**
 * One file of a sandbox project as it travels from the build (which reads
 * it from examples/ and public/) to the page (which mounts it in the
 * WebContainer): UTF-8 text stays text, anything else is base64.
 */
export type MountEntry = { path: string; text: string } | { path: string; base64: string };
