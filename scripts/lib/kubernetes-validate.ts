/**
 * kubernetes-validate, which checks the Shipping lesson's manifest against
 * Kubernetes' JSON schemas, in a Python virtualenv of its own in a cache
 * outside the clone (see ./python-tool.ts). Installed by ensure-tools before
 * the captures run, so its installer's lines never reach a transcript.
 */
import { ensurePythonTool, type PythonTool } from './python-tool.ts';

export const KUBERNETES_VALIDATE: PythonTool = { package: 'kubernetes-validate', version: '1.37.0', command: 'kubernetes-validate' };

/** The path of the `kubernetes-validate` command, installing it first when the cache has none. */
export function ensureKubernetesValidate(): string {
	return ensurePythonTool(KUBERNETES_VALIDATE);
}
