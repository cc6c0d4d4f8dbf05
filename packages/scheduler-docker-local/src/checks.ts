/**
 * Zero-downtime checks of one new container (Dokku's `check-deploy` + docker-container-healthchecker,
 * §4.4), before it replaces the old one.
 *
 * Strategies: `uptime` (still running after N seconds, no restart), `command` (exec inside the
 * container, exit 0), `path` (HTTP GET) and `listening` (TCP connect). Only `startup` checks run,
 * as on Dokku's docker-local; the healthchecker's defaults apply (attempts 3, wait 5 s,
 * timeout 5 s, initialDelay 0). Checks of one container run in parallel, as the healthchecker does.
 *
 * Networking choice: Pier never connects to a container's bridge address (172.x, 10.x, ...):
 * those addresses are unreachable on hosts without docker0, and probing them is outside the
 * loopback-only rule. So `path` and `listening` checks only run in `host` network mode, where the
 * process listens on 127.0.0.1:$PORT. In any other mode they cannot run, and we say so:
 *   - a `warn` check is reported as not run and counts as passed (it could never fail a deploy);
 *   - any other check falls back to an uptime check of `defaultUptimeSeconds`, so a deploy still
 *     proves at least that the process stays up, instead of silently passing.
 * The failure count in "Could not start due to N failed checks" counts failed checks (not
 * attempts, which is what the healthchecker's exit code counts).
 */
import type { Healthcheck, Output, ProcessSpec } from '@pier/plugin-api';
import type { Clock } from '@pier/plugin-api';
import type { DockerPort } from './docker-port.js';
import type { Probes } from './probes.js';
import { messageOf, LOOPBACK } from '@pier/plugin-api';

export interface CheckTarget {
  app: string;
  type: string;
  index: number;
  containerId: string;
  /** The PORT given to the process (web), or null. */
  port: number | null;
  networkMode: string;
}

export interface CheckDeps {
  docker: DockerPort;
  log: Output;
  clock: Clock;
  probes: Probes;
}

interface Retry {
  attempts: number;
  waitSeconds: number;
  timeoutSeconds: number;
  initialDelaySeconds: number;
}

export type PlannedCheck = { name: string; warn: boolean } & (
  | { kind: 'uptime'; seconds: number }
  | { kind: 'command'; command: string[]; content: string | undefined; retry: Retry }
  | { kind: 'http'; url: string; content: string | undefined; retry: Retry }
  | { kind: 'listening'; port: number; retry: Retry }
);

/** Dokku's fallback port when a check names none and the process has no PORT. */
const DEFAULT_CHECK_PORT = 5000;

const retryOf = (hc: Healthcheck): Retry => ({
  attempts: hc.attempts ?? 3,
  waitSeconds: hc.wait ?? 5,
  timeoutSeconds: hc.timeout ?? 5,
  initialDelaySeconds: hc.initialDelay ?? 0,
});

function describe(hc: Healthcheck): string {
  if (hc.command) return `command ${hc.command.join(' ')}`;
  if (hc.path !== undefined) return `path ${hc.path}`;
  if (hc.listening) return 'listening';
  return `uptime ${hc.uptime ?? 0}`;
}

/** Pure: which checks run for one dyno, and the warnings about checks that cannot run. */
export function planChecks(spec: ProcessSpec, target: CheckTarget, defaultUptimeSeconds: number): { checks: PlannedCheck[]; warnings: string[] } {
  const dyno = `${target.type}.${target.index}`;
  const hostMode = target.networkMode === 'host';
  const startup = spec.healthchecks.filter((hc) => hc.type === undefined || hc.type === 'startup');
  const checks: PlannedCheck[] = [];
  const warnings: string[] = [];

  if (startup.length === 0) checks.push({ kind: 'uptime', name: 'default', warn: false, seconds: defaultUptimeSeconds });
  for (const hc of startup) {
    const name = hc.name ?? describe(hc);
    const warn = hc.warn ?? false;
    if (hc.command && hc.command.length > 0) {
      checks.push({ kind: 'command', name, warn, command: hc.command, content: hc.content, retry: retryOf(hc) });
    } else if (hc.path !== undefined || hc.listening) {
      const port = hc.port ?? target.port ?? DEFAULT_CHECK_PORT;
      if (hostMode && hc.path !== undefined) {
        const url = `${hc.scheme ?? 'http'}://${LOOPBACK}:${port}${hc.path.startsWith('/') ? '' : '/'}${hc.path}`;
        checks.push({ kind: 'http', name, warn, url, content: hc.content, retry: retryOf(hc) });
      } else if (hostMode) {
        checks.push({ kind: 'listening', name, warn, port, retry: retryOf(hc) });
      } else {
        const why = `Cannot run healthcheck name='${name}' (${dyno}) in network mode ${target.networkMode}: only host mode exposes the process on ${LOOPBACK}`;
        if (warn) {
          warnings.push(`${why}; it is warn-only, so it counts as passed`);
        } else {
          warnings.push(`${why}; running an uptime check of ${defaultUptimeSeconds} seconds instead`);
          checks.push({ kind: 'uptime', name: `${name} (uptime fallback)`, warn: false, seconds: defaultUptimeSeconds });
        }
      }
    } else {
      checks.push({ kind: 'uptime', name, warn, seconds: hc.uptime ?? 0 });
    }
  }
  // Checks that could not run leave nothing: the default uptime check still proves the process stays up.
  if (checks.length === 0) checks.push({ kind: 'uptime', name: 'default', warn: false, seconds: defaultUptimeSeconds });
  // Dokku adds a warn-only "port listening check" to every web dyno; it can only run in host mode.
  // It starts the moment the container does, before most servers have bound their port, so it
  // polls every second (5 attempts) rather than waiting the healthchecker's 5 s after a miss.
  if (hostMode && target.type === 'web' && target.port !== null && !checks.some((c) => c.kind === 'listening')) {
    checks.push({
      kind: 'listening',
      name: 'port listening check',
      warn: true,
      port: target.port,
      retry: { attempts: 5, waitSeconds: 1, timeoutSeconds: 5, initialDelaySeconds: 0 },
    });
  }
  return { checks, warnings };
}

async function attempt(deps: CheckDeps, retry: Retry, startedAt: number, once: (timeoutMs: number) => Promise<void>): Promise<string | null> {
  await deps.clock.sleep(startedAt + retry.initialDelaySeconds * 1000 - deps.clock.now());
  let last = 'no attempt made';
  for (let n = 1; n <= retry.attempts; n++) {
    try {
      await once(retry.timeoutSeconds * 1000);
      return null;
    } catch (error) {
      last = messageOf(error);
    }
    if (n < retry.attempts) await deps.clock.sleep(retry.waitSeconds * 1000);
  }
  return last;
}

/** Runs one check; returns the failure reason, or null when it passed. */
async function runCheck(deps: CheckDeps, target: CheckTarget, check: PlannedCheck, startedAt: number, restarts: number): Promise<string | null> {
  const { docker, probes } = deps;
  switch (check.kind) {
    case 'uptime': {
      await deps.clock.sleep(startedAt + check.seconds * 1000 - deps.clock.now());
      const details = await docker.inspectContainer(target.containerId);
      if (!details) return 'container no longer exists';
      if (!details.running) return `container state is not running (state=${details.status})`;
      if (details.restartCount > restarts) return `container has restarted ${details.restartCount - restarts} times`;
      return null;
    }
    case 'command':
      return attempt(deps, check.retry, startedAt, async (timeoutMs) => {
        const result = await docker.exec(target.containerId, check.command, timeoutMs);
        if (result.exitCode === null) throw new Error(`timed out after ${timeoutMs / 1000} seconds`);
        if (result.exitCode !== 0) throw new Error(`non-zero exit code ${result.exitCode}`);
        if (check.content !== undefined && !result.output.includes(check.content)) {
          throw new Error(`unable to find expected content in output: ${check.content}`);
        }
      });
    case 'http':
      return attempt(deps, check.retry, startedAt, async (timeoutMs) => {
        const { status, body } = await probes.http(check.url, timeoutMs);
        if (status < 200 || status >= 400) throw new Error(`unexpected status code: ${status}`);
        if (check.content !== undefined && !body.includes(check.content)) {
          throw new Error(`unable to find expected content in response body: ${check.content}`);
        }
      });
    case 'listening':
      return attempt(deps, check.retry, startedAt, (timeoutMs) => probes.tcp(LOOPBACK, check.port, timeoutMs));
  }
}

function announce(log: Output, check: PlannedCheck): void {
  if (check.kind === 'uptime') log.verbose(`Running healthcheck name='${check.name}' uptime=${check.seconds}`);
  else {
    const { attempts, initialDelaySeconds, timeoutSeconds } = check.retry;
    log.verbose(`Running healthcheck name='${check.name}' attempts=${attempts} delay=${initialDelaySeconds} timeout=${timeoutSeconds}`);
  }
}

/** Runs the planned checks of one container; returns how many non-warn checks failed. */
export async function runChecks(deps: CheckDeps, target: CheckTarget, spec: ProcessSpec, defaultUptimeSeconds: number): Promise<number> {
  const { log } = deps;
  const { checks, warnings } = planChecks(spec, target, defaultUptimeSeconds);
  for (const warning of warnings) log.warn(warning);
  const details = await deps.docker.inspectContainer(target.containerId);
  const mustPass = checks.filter((c) => !c.warn).length;
  if (!details?.running) {
    log.warn(`Container state: ${details?.status ?? 'removed'}`);
    return Math.max(1, mustPass);
  }
  const parsedStart = Date.parse(details.startedAt);
  const startedAt = Number.isFinite(parsedStart) && parsedStart > 0 ? parsedStart : deps.clock.now();
  const results = await Promise.all(
    checks.map(async (check) => {
      announce(log, check);
      const failure = await runCheck(deps, target, check, startedAt, details.restartCount);
      if (failure === null) log.verbose(`Healthcheck succeeded name='${check.name}'`);
      else log.warn(`Failure in name='${check.name}'${check.warn ? ' (warn only)' : ''}: ${failure}`);
      return failure !== null && !check.warn;
    }),
  );
  return results.filter(Boolean).length;
}

/**
 * The per-container entry point: honours the process type's checks mode and prints Dokku's
 * framing lines. Returns the number of failed checks (0 = the container may replace the old one).
 */
export async function checkDyno(deps: CheckDeps, target: CheckTarget, spec: ProcessSpec, defaultUptimeSeconds: number): Promise<number> {
  const dyno = `${target.type}.${target.index}`;
  // Disabled: the old containers were stopped before this one started; there is nothing to compare.
  if (spec.checks === 'disabled') return 0;
  // Dokku announces the checks for skipped types too, then check-deploy says they are skipped.
  deps.log.verbose(`Attempting pre-flight checks (${dyno})`);
  if (spec.checks === 'skipped') {
    deps.log.info2(`Zero downtime checks have been skipped (${dyno})`);
    return 0;
  }
  const failed = await runChecks(deps, target, spec, defaultUptimeSeconds);
  if (failed === 0) deps.log.verbose(`All checks successful (${dyno})`);
  return failed;
}
