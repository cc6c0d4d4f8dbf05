/**
 * The one-off containers that exist: `scheduler:run-list`, `scheduler:run-stop` and
 * `scheduler:run-retire` (§4.9). All of them find the containers by label, never by name
 * pattern, so a container named like a run container but not labelled as one is left alone.
 */
import { ErrorCodes, humanDuration, PierError, type Output, LABEL_APP, LABEL_CONTAINER_TYPE, LABEL_DEADLINE, RUN_TYPE } from '@pier/plugin-api';
import { unixSeconds } from './clock.js';
import type { ContainerSummary } from './docker-port.js';
import { haltContainer } from './halt-container.js';
import { shortId } from './naming.js';
import { currentStopTimeout } from './stop-timeout.js';
import type { Runtime } from './runtime.js';

export interface RunListEntry {
  name: string;
  state: string;
  command: string;
  /** ISO 8601, for run:list's JSON (docker's `.CreatedAt`). */
  createdAt: string;
  /** docker's `.RunningFor` (`2 minutes ago`), for its table. */
  runningFor: string;
}

/** Cron containers are one-off containers too; run:retire sweeps both, as Dokku does. */
const RETIRED_TYPES = [RUN_TYPE, 'cron'];

const runContainers = (rt: Runtime, app: string) => rt.docker.listContainers([`${LABEL_APP}=${app}`, `${LABEL_CONTAINER_TYPE}=${RUN_TYPE}`]);

/**
 * Several things may fail in one sweep: each gets its ` !     ` line, and the command exits 1.
 * The last message is the error itself, so no extra line is printed after them.
 */
function failIfAny(log: Output, messages: string[]): void {
  if (messages.length === 0) return;
  messages.slice(0, -1).forEach((message) => log.warn(message));
  throw new PierError(ErrorCodes.COMMAND_FAILED, messages.at(-1)!);
}

/** Newest first, as `docker container ls` lists them; the command quoted as its table quotes it. */
export async function runList(rt: Runtime, app: string): Promise<RunListEntry[]> {
  const now = rt.clock.now();
  const rows = await runContainers(rt, app);
  return rows
    .sort((a, b) => b.created - a.created || a.name.localeCompare(b.name))
    .map((c) => ({
      name: c.name,
      state: c.state,
      command: JSON.stringify(c.command),
      createdAt: new Date(c.created * 1000).toISOString(),
      runningFor: `${humanDuration(Math.max(0, now - c.created * 1000))} ago`,
    }));
}

/** `docker container stop` (which prints the name), `kill` when that fails. Returns an error message or null. */
async function stopOne(rt: Runtime, id: string, name: string, timeout: number): Promise<string | null> {
  try {
    await rt.docker.stopContainer(id, timeout);
  } catch {
    try {
      await rt.docker.killContainer(id);
    } catch {
      return `Unable to stop container ${name}`;
    }
  }
  rt.log.line(name);
  return null;
}

export async function runStop(rt: Runtime, app: string, container: string | undefined): Promise<void> {
  const timeout = await currentStopTimeout(rt, app);
  if (container !== undefined) {
    const details = await rt.docker.inspectContainer(container);
    if (!details || !details.running || details.labels[LABEL_APP] !== app) {
      rt.log.warn('Specified container does not exist');
      return;
    }
    failIfAny(rt.log, [await stopOne(rt, details.id, details.name, timeout)].filter((m): m is string => m !== null));
    return;
  }
  const running = (await runContainers(rt, app)).filter((c) => c.state === 'running');
  if (running.length === 0) {
    rt.log.line('No run containers exist');
    return;
  }
  const failures: string[] = [];
  for (const c of running) {
    const failure = await stopOne(rt, c.id, c.name, timeout);
    if (failure) failures.push(failure);
  }
  failIfAny(rt.log, failures);
}

/** Running, labelled with a deadline, and created more than that many seconds ago. */
export function isPastDeadline(container: Pick<ContainerSummary, 'state' | 'labels' | 'created'>, nowSeconds: number): boolean {
  if (container.state !== 'running') return false;
  const deadline = container.labels[LABEL_DEADLINE] ?? '';
  if (!/^[0-9]+$/.test(deadline)) return false;
  return container.created + Number(deadline) < nowSeconds;
}

/** `run:retire [<app>]`: stop and remove every one-off container past its time to live. */
export async function runRetire(rt: Runtime, app: string | undefined): Promise<void> {
  const { docker, log } = rt;
  const now = unixSeconds(rt.clock);
  const timeouts = new Map<string, number>();
  const failures: string[] = [];
  for (const type of RETIRED_TYPES) {
    const labels = [`${LABEL_CONTAINER_TYPE}=${type}`, ...(app === undefined ? [] : [`${LABEL_APP}=${app}`])];
    for (const c of (await docker.listContainers(labels)).filter((row) => isPastDeadline(row, now))) {
      const owner = c.labels[LABEL_APP] ?? '';
      if (!timeouts.has(owner)) timeouts.set(owner, await currentStopTimeout(rt, owner));
      log.verbose(`Retiring container ${shortId(c.id)}`);
      await haltContainer(docker, c.id, timeouts.get(owner)!);
      await docker.removeContainer(c.id).catch(() => {});
      const left = await docker.inspectContainer(c.id).catch(() => null);
      if (left && left.status !== 'removing') failures.push(`Unable to retire container ${shortId(c.id)}`);
    }
  }
  failIfAny(log, failures);
}
