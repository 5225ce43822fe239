/**
 * `node scripts/task.ts ship:deploy-check`: the Shipping lesson's deployment
 * files, validated, and a broken copy of each rejected (so the check can
 * fail):
 *
 * - deploy/users-api.yaml against the Kubernetes JSON schemas with
 *   kubernetes-validate --strict (PyPI; its own virtualenv under
 *   ~/.cache/backend-rust/, installed once, needs python3 with venv), then
 *   the fields the lesson relies on read back and compared with the image
 *   (Dockerfile's USER and PORT) and the service (its probe routes, the
 *   readiness probe's timeout against /readyz's wait on the database, its
 *   drain and request timeout against the grace period, which
 *   SHUTDOWN_GRACE_SECS must repeat);
 * - deploy/users-api.service with `systemd-analyze verify` (Debian's
 *   systemd), in a scratch root holding systemd's own units and a stand-in
 *   executable at the unit's ExecStart path; any warning fails, since
 *   systemd ignores a misspelt key and starts the unit anyway; then its
 *   SHUTDOWN_GRACE_SECS against TimeoutStopSec and the drain and timeout.
 *
 * The crate's capture `captures/deploy-check.txt` runs this.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { crateNamed } from '../../src/build/workspace/workspace.ts';
import { ensureCommands } from '../lib/debian.ts';
import { ensureKubernetesValidate, KUBERNETES_VALIDATE } from '../lib/kubernetes-validate.ts';
import { defineTask } from '../lib/task.ts';

const MANIFEST = 'deploy/users-api.yaml';
const UNIT = 'deploy/users-api.service';

type Doc = Record<string, any>;

/** The YAML documents as JSON, read by the PyYAML that kubernetes-validate brings. */
function readYaml(validator: string, text: string): Doc[] {
	const python = join(validator, '..', 'python');
	const out = spawnSync(python, ['-c', 'import json, sys, yaml; print(json.dumps(list(yaml.safe_load_all(sys.stdin))))'], { input: text, encoding: 'utf8' });
	if (out.status !== 0) throw new Error(`the YAML does not parse:\n${out.stderr}`);
	return JSON.parse(out.stdout) as Doc[];
}

/** kubernetes-validate's verdict: its lines, and whether it passed. */
function schemaCheck(validator: string, dir: string, file: string): { ok: boolean; lines: string[] } {
	const out = spawnSync(validator, ['--strict', file], { cwd: dir, encoding: 'utf8' });
	return { ok: out.status === 0, lines: `${out.stdout}${out.stderr}`.trim().split('\n') };
}

/** `/readyz`'s longest wait on the database, in seconds, as users_api::health::wait_within computes it. */
function readyzWait(requestTimeoutSecs: number): number {
	const healthRs = readFileSync(join(crateNamed('users-api').dir, 'src', 'health.rs'), 'utf8');
	const maxWait = Number(/MAX_WAIT: Duration = Duration::from_secs\((\d+)\)/.exec(healthRs)?.[1]);
	return Math.min(requestTimeoutSecs / 2, maxWait);
}

/** The shutdown budget line: grace, repeated as SHUTDOWN_GRACE_SECS, must exceed drain + request timeout. */
function budgetCheck(where: string, grace: unknown, graceSetting: string | undefined, drain: string | undefined, timeout: string | undefined): [string, boolean] {
	const budget = Number(drain) + Number(timeout);
	return [
		`${where} ${grace} s = SHUTDOWN_GRACE_SECS ${graceSetting} s > drain ${drain} s + request timeout ${timeout} s`,
		String(grace) === graceSetting && Number.isFinite(budget) && Number(grace) > budget,
	];
}

/** What the lesson says of the manifest, checked against the image and the service's code. */
function fieldChecks(docs: Doc[], crateDir: string): [string, boolean][] {
	const dockerfile = readFileSync(join(crateDir, 'Dockerfile'), 'utf8');
	const probesRs = readFileSync(join(crateDir, 'src', 'probes.rs'), 'utf8');
	const imageUser = /^USER (\d+)/m.exec(dockerfile)?.[1];
	const imagePort = /^ENV .*\bPORT=(\d+)/m.exec(dockerfile)?.[1];
	const deployment = docs.find((d) => d['kind'] === 'Deployment') ?? {};
	const service = docs.find((d) => d['kind'] === 'Service') ?? {};
	const pod = deployment['spec']?.['template']?.['spec'] ?? {};
	const container = pod['containers']?.[0] ?? {};
	const env = new Map<string, string>((container['env'] ?? []).map((e: Doc) => [e['name'], e['value']]));
	const port = container['ports']?.[0] ?? {};
	const served = (path: string) => probesRs.includes(`.route("${path}"`);
	const liveness = container['livenessProbe']?.['httpGet']?.['path'];
	const readiness = container['readinessProbe']?.['httpGet']?.['path'];
	const grace = pod['terminationGracePeriodSeconds'] ?? 30;
	const ready = container['readinessProbe'] ?? {};
	const readyTimeout = ready['timeoutSeconds'] ?? 1; // Kubernetes' default
	const readyFailures = ready['failureThreshold'] ?? 3;
	const wait = readyzWait(Number(env.get('REQUEST_TIMEOUT_SECS') ?? 10));
	return [
		[`runAsNonRoot, as uid ${pod['securityContext']?.['runAsUser']} (the image's USER is ${imageUser})`, pod['securityContext']?.['runAsNonRoot'] === true && String(pod['securityContext']?.['runAsUser']) === imageUser],
		['readOnlyRootFilesystem, no privilege escalation, every capability dropped', container['securityContext']?.['readOnlyRootFilesystem'] === true && container['securityContext']?.['allowPrivilegeEscalation'] === false && container['securityContext']?.['capabilities']?.['drop']?.includes('ALL')],
		[`containerPort ${port['containerPort']} (the image's PORT is ${imagePort}), HOST=${env.get('HOST')}`, String(port['containerPort']) === imagePort && env.get('HOST') === '0.0.0.0'],
		[`liveness asks ${liveness}, readiness ${readiness}: both routes of src/probes.rs`, liveness === '/livez' && readiness === '/readyz' && served('/livez') && served('/readyz')],
		[`readiness timeout ${readyTimeout} s > /readyz's wait on the database ${wait} s; failureThreshold ${readyFailures}, not 1`, readyTimeout > wait && readyFailures >= 2],
		budgetCheck('terminationGracePeriodSeconds', grace, env.get('SHUTDOWN_GRACE_SECS'), env.get('SHUTDOWN_DRAIN_SECS'), env.get('REQUEST_TIMEOUT_SECS')),
		['memory request and limit, cpu request', Boolean(container['resources']?.['requests']?.['memory'] && container['resources']?.['limits']?.['memory'] && container['resources']?.['requests']?.['cpu'])],
		[`Service port ${service['spec']?.['ports']?.[0]?.['port']} → targetPort ${service['spec']?.['ports']?.[0]?.['targetPort']}, the container's port name`, service['spec']?.['ports']?.[0]?.['targetPort'] === port['name'] && service['spec']?.['selector']?.['app'] === deployment['spec']?.['selector']?.['matchLabels']?.['app']],
	];
}

/** `systemd-analyze verify` of `unitText` installed in a scratch root; its lines (empty when clean) and its status. */
function verifyUnit(unitText: string): { ok: boolean; lines: string[] } {
	const root = mkdtempSync(join(tmpdir(), 'ship-systemd-'));
	try {
		mkdirSync(join(root, 'etc/systemd/system'), { recursive: true });
		mkdirSync(join(root, 'usr/lib/systemd'), { recursive: true });
		// systemd's own units (sysinit.target and the rest the unit pulls in).
		cpSync('/usr/lib/systemd/system', join(root, 'usr/lib/systemd/system'), { recursive: true });
		const exec = /^ExecStart=(\S+)/m.exec(unitText)?.[1] ?? '/missing';
		mkdirSync(join(root, exec, '..'), { recursive: true });
		writeFileSync(join(root, exec), '#!/bin/sh\n');
		chmodSync(join(root, exec), 0o755);
		writeFileSync(join(root, 'etc/systemd/system/users-api.service'), unitText);
		const out = spawnSync('systemd-analyze', ['verify', `--root=${root}`, '/etc/systemd/system/users-api.service'], { encoding: 'utf8' });
		const text = `${out.stdout}${out.stderr}`.replaceAll(root, '<root>').trim();
		return { ok: out.status === 0 && text === '', lines: text === '' ? [] : text.split('\n') };
	} finally {
		rmSync(root, { recursive: true, force: true });
	}
}

/** The unit's SHUTDOWN_GRACE_SECS against its TimeoutStopSec, the drain and the request timeout (its Environment= lines). */
function unitBudgetCheck(unitText: string): [string, boolean] {
	const env = new Map<string, string>();
	for (const [, assignments] of unitText.matchAll(/^Environment=(.*)$/gm)) {
		for (const assignment of assignments.trim().split(/\s+/)) {
			const [name, value] = assignment.split('=', 2);
			env.set(name, value);
		}
	}
	const stop = /^TimeoutStopSec=(\d+)$/m.exec(unitText)?.[1];
	const [what, ok] = budgetCheck('TimeoutStopSec', stop, env.get('SHUTDOWN_GRACE_SECS'), env.get('SHUTDOWN_DRAIN_SECS'), env.get('REQUEST_TIMEOUT_SECS'));
	return [`unit: ${what}`, ok];
}

export default defineTask({
	name: 'ship:deploy-check',
	description: "the Shipping lesson's Kubernetes manifest (schemas + the fields it relies on) and systemd unit (systemd-analyze verify), and a broken copy of each rejected",
	options: {},
	async run() {
		ensureCommands([['systemd-analyze', 'systemd']], 'checking the systemd unit');
		const validator = ensureKubernetesValidate();
		const crateDir = crateNamed('shipping').dir;
		const manifest = readFileSync(join(crateDir, MANIFEST), 'utf8');
		const unit = readFileSync(join(crateDir, UNIT), 'utf8');
		let passed = true;
		const say = (ok: boolean, what: string) => console.log(`${ok ? 'ok' : 'FAILED'}: ${what}`);

		console.log(`kubernetes-validate ${KUBERNETES_VALIDATE.version} --strict ${MANIFEST}`);
		const schema = schemaCheck(validator, crateDir, MANIFEST);
		for (const line of schema.lines) console.log(`  ${line}`);
		passed &&= schema.ok;
		console.log('the fields the lesson relies on:');
		for (const [what, ok] of fieldChecks(readYaml(validator, manifest), crateDir)) {
			say(ok, what);
			passed &&= ok;
		}

		const good = verifyUnit(unit);
		console.log(`\nsystemd-analyze verify ${UNIT}: ${good.ok ? 'no warnings' : 'warnings'}`);
		for (const line of good.lines) console.log(`  ${line}`);
		passed &&= good.ok;
		const [unitBudget, unitBudgetOk] = unitBudgetCheck(unit);
		say(unitBudgetOk, unitBudget);
		passed &&= unitBudgetOk;

		// Each broken copy must be rejected, or the check above proves nothing.
		console.log('\nbroken copies, each of which must be rejected:');
		const scratch = mkdtempSync(join(tmpdir(), 'ship-broken-'));
		try {
			const misspelt = manifest.replace('readOnlyRootFilesystem: true', 'readOnlyRootFileSystem: true');
			writeFileSync(join(scratch, 'misspelt.yaml'), misspelt);
			const bad = schemaCheck(validator, scratch, 'misspelt.yaml');
			say(!bad.ok, 'readOnlyRootFileSystem (a capital S): the schema check refuses it');
			for (const line of bad.lines.filter((l) => l.startsWith('ERROR'))) console.log(`  ${line}`);
			passed &&= !bad.ok;

			const wrongPath = manifest.replace('path: /readyz', 'path: /ready');
			const schemaOk = schemaCheck(validator, scratch, (writeFileSync(join(scratch, 'path.yaml'), wrongPath), 'path.yaml')).ok;
			const fieldsOk = fieldChecks(readYaml(validator, wrongPath), crateDir).every(([, ok]) => ok);
			say(schemaOk && !fieldsOk, 'readiness asking /ready: valid for the schema, refused by the field check');
			passed &&= schemaOk && !fieldsOk;

			const shortGrace = manifest.replace('terminationGracePeriodSeconds: 30', 'terminationGracePeriodSeconds: 10');
			const graceRefused = !fieldChecks(readYaml(validator, shortGrace), crateDir).every(([, ok]) => ok);
			say(graceRefused, 'terminationGracePeriodSeconds: 10, SHUTDOWN_GRACE_SECS still 30: refused by the field check');
			passed &&= graceRefused;

			const brokenUnit = unit.replace('NoNewPrivileges=yes', 'NoNewPrivilege=yes').replace('ProtectSystem=strict', 'ProtectSystem=very');
			const badUnit = verifyUnit(brokenUnit);
			say(!badUnit.ok, 'NoNewPrivilege=yes and ProtectSystem=very: systemd-analyze warns (and systemd would start the unit without them)');
			for (const line of badUnit.lines) console.log(`  ${line}`);
			passed &&= !badUnit.ok;
		} finally {
			rmSync(scratch, { recursive: true, force: true });
		}
		console.log(passed ? '\ndeployment files check passed' : '\ndeployment files check FAILED (see above)');
		return passed ? 0 : 1;
	},
});
