/**
 * app.json healthchecks (Dokku's format, `startup` checks as docker-local runs them) as what
 * Swarm can gate a rollout on:
 *
 * - `command`, `path` and `listening` checks become the task's Healthcheck, which runs *inside*
 *   the container: a new task only counts as running once it is healthy, and the old task of
 *   its slot is kept until then (start-first). `path` is a wget (or curl) of
 *   `127.0.0.1:$PORT` from inside the task, `listening` a look at /proc/net/tcp, so both work in
 *   any network mode, including none-like ones, and Pier never connects to a task's address.
 *   Several checks are joined with `&&`; attempts, wait, timeout and initialDelay become
 *   Retries, Interval, Timeout and StartPeriod (the strictest of them).
 * - `uptime` checks, and Dokku's default uptime check of a type without checks, become the
 *   rollout's Monitor period: a task that dies within it fails the rollout and rolls it back.
 * - `warn` checks cannot be warn-only in Docker's health check; they are left out (and said so).
 * - checks skipped or disabled: no health check at all (`NONE`, the image's HEALTHCHECK too).
 *
 * Without any app.json check the image's own HEALTHCHECK, if it has one, applies unchanged.
 */
import type { Healthcheck, ProcessSpec } from '@pier/plugin-api';
import { seconds, type HealthConfig } from './service-spec-types.js';
import { shellQuote } from './shell-quote.js';

/** Dokku's fallback port when a check names none and the process has no PORT. */
const DEFAULT_CHECK_PORT = 5000;
/** docker-container-healthchecker's defaults. */
const DEFAULTS = { attempts: 3, wait: 5, timeout: 5, initialDelay: 0 };

export interface HealthPlan {
  /** undefined: the image's own HEALTHCHECK (if any) applies. */
  health: HealthConfig | undefined;
  /** How long Swarm watches each new task for failures, before overrides by the property. */
  monitorSeconds: number;
  /** What runs, for the deploy output. */
  notes: string[];
}

const describe = (hc: Healthcheck) =>
  hc.name ?? (hc.command ? `command ${hc.command.join(' ')}` : hc.path !== undefined ? `path ${hc.path}` : hc.listening ? 'listening' : `uptime ${hc.uptime ?? 0}`);

const withContent = (script: string, content: string | undefined) =>
  content === undefined ? script : `${script} | grep -qF -- ${shellQuote(content)}`;

/** The shell test of one command, path or listening check; null for an uptime check. */
function probeScript(hc: Healthcheck, port: number): string | null {
  if (hc.command && hc.command.length > 0) return withContent(hc.command.map(shellQuote).join(' '), hc.content);
  const checkPort = hc.port ?? port;
  if (hc.path !== undefined) {
    const url = shellQuote(`${hc.scheme ?? 'http'}://127.0.0.1:${checkPort}${hc.path.startsWith('/') ? '' : '/'}${hc.path}`);
    return withContent(`{ wget -q -O - ${url} 2>/dev/null || curl -fsS ${url}; }`, hc.content);
  }
  if (hc.listening) {
    // A socket in state 0A (LISTEN) on the port, IPv4 or IPv6: needs nothing but grep.
    const hex = checkPort.toString(16).toUpperCase().padStart(4, '0');
    return `grep -qE '^ *[0-9]+: [0-9A-F]+:${hex} [0-9A-F]+:[0-9A-F]+ 0A' /proc/net/tcp /proc/net/tcp6`;
  }
  return null;
}

export function planHealth(spec: ProcessSpec, port: number | null, defaultUptimeSeconds: number): HealthPlan {
  if (spec.checks !== 'enabled') return { health: { Test: ['NONE'] }, monitorSeconds: 0, notes: [] };
  const startup = spec.healthchecks.filter((hc) => hc.type === undefined || hc.type === 'startup');
  if (startup.length === 0) {
    return { health: undefined, monitorSeconds: defaultUptimeSeconds, notes: [`No healthchecks defined: the default check asks each new task to stay up ${defaultUptimeSeconds} seconds`] };
  }

  const notes: string[] = [];
  const probes: { hc: Healthcheck; script: string }[] = [];
  let uptime = 0;
  for (const hc of startup) {
    const script = probeScript(hc, port ?? DEFAULT_CHECK_PORT);
    if (script === null) {
      uptime = Math.max(uptime, hc.uptime ?? 0);
      notes.push(`Healthcheck name='${describe(hc)}' asks each new task to stay up ${hc.uptime ?? 0} seconds`);
    } else if (hc.warn) {
      notes.push(`Healthcheck name='${describe(hc)}' is warn-only: Swarm health checks cannot warn, it is not run`);
    } else {
      probes.push({ hc, script });
    }
  }
  if (probes.length === 0) return { health: undefined, monitorSeconds: uptime, notes };

  const strictest = (field: keyof typeof DEFAULTS, pick: (...values: number[]) => number) =>
    pick(...probes.map(({ hc }) => hc[field] ?? DEFAULTS[field]));
  const single = probes.length === 1 ? probes[0]! : null;
  const test =
    single?.hc.command && single.hc.content === undefined && single.hc.command.length > 0
      ? ['CMD', ...single.hc.command]
      : ['CMD-SHELL', probes.map((p) => p.script).join(' && ')];
  // Docker reads 0 as "inherit the image's value", so every duration is at least one second.
  const health: HealthConfig = {
    Test: test,
    Interval: seconds(Math.max(1, strictest('wait', Math.min))),
    Timeout: seconds(Math.max(1, strictest('timeout', Math.max))),
    StartPeriod: seconds(strictest('initialDelay', Math.max)),
    Retries: strictest('attempts', Math.max),
  };
  for (const { hc } of probes) notes.push(`Healthcheck name='${describe(hc)}' runs inside each new task`);
  // A task that dies right after its check passed must still fail the rollout.
  return { health, monitorSeconds: Math.max(1, uptime), notes };
}
