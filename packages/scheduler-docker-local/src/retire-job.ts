/**
 * The background half of §4.3 step 7: old containers got SIGTERM when the deploy finished; once
 * wait-to-retire has passed, the ones still there are stopped (`update --restart=no`, `stop`,
 * else `kill`). Removing them is left to ps:retire (their dead-containers entries fall due at
 * the same time), as in Dokku.
 *
 * Run by retire-worker.ts in a detached process, so it happens even though the `pier` that
 * deployed has long exited. It is safe next to a ps:retire or a later deploy: a container that
 * is gone is skipped, stopping a stopped one is a no-op, and one that holds a live name again
 * is left alone.
 *
 * Most old containers exit on the SIGTERM within moments, and a process kept sleeping for them
 * is ~60 MB for a minute: the job looks again soon after the deploy (then less and less often)
 * and ends as soon as none of its containers is still running.
 */
import type { Clock } from '@pier/plugin-api';
import type { DockerPort } from './docker-port.js';
import type { DockerodePortOptions } from './dockerode-port.js';
import { haltContainer } from './halt-container.js';
import { classifyName } from './naming.js';
import { configuredStopTimeout, fileReader } from './stop-timeout.js';

export interface RetireJob {
  app: string;
  /** The state root, where the app's current stop timeout is read when the job is due. */
  root: string;
  /** The old containers of the deploy. */
  ids: string[];
  /** Unix seconds: when they are stopped (the deploy's end plus wait-to-retire). */
  at: number;
  /** The app's stop-timeout-seconds when the deploy finished: used when none can be read then. */
  stopTimeoutSeconds: number;
  /**
   * How the worker reaches the engine the deploy used (the options of its createDockerodePort);
   * absent: dockerode's defaults (DOCKER_HOST from the environment, else the local socket).
   */
  docker?: DockerodePortOptions;
}

const isConnection = (value: unknown): value is DockerodePortOptions => {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const { socketPath, host, port, protocol, ...rest } = value as Record<string, unknown>;
  return (
    Object.keys(rest).length === 0 &&
    (socketPath === undefined || typeof socketPath === 'string') &&
    (host === undefined || typeof host === 'string') &&
    (port === undefined || typeof port === 'string' || typeof port === 'number') &&
    (protocol === undefined || protocol === 'http' || protocol === 'https' || protocol === 'ssh')
  );
};

const isWholeSeconds = (value: unknown): value is number => Number.isInteger(value) && (value as number) >= 0;

/** Parses the worker's argument; null for anything that is not a job (nothing is stopped then). */
export function parseRetireJob(text: string | undefined): RetireJob | null {
  try {
    const job = JSON.parse(text ?? '') as Partial<RetireJob>;
    const valid =
      typeof job.app === 'string' &&
      typeof job.root === 'string' &&
      Array.isArray(job.ids) &&
      job.ids.every((id) => typeof id === 'string' && /^[0-9a-f]{12,64}$/.test(id)) &&
      Number.isInteger(job.at) &&
      isWholeSeconds(job.stopTimeoutSeconds) &&
      (job.docker === undefined || isConnection(job.docker));
    return valid ? (job as RetireJob) : null;
  } catch {
    return null;
  }
}

const STILL_UP = ['running', 'restarting', 'paused'];

/**
 * ps's stop-timeout-seconds as it is set when the job is due, by the rule ps:retire and ps:stop
 * use (stop-timeout.ts): a `ps:set` after the deploy is honoured. The job has no bus, so it reads
 * the property files; when there are none (unset, or an embedded host keeping properties in
 * memory) the deploy's value applies.
 */
export async function dueStopTimeout(job: RetireJob): Promise<number> {
  return (await configuredStopTimeout(fileReader(job.root), job.app)) ?? job.stopTimeoutSeconds;
}

/** Stops every old container of the job that still runs; returns the ids it stopped. */
export async function stopOldContainers(docker: DockerPort, job: RetireJob, stopTimeoutSeconds = job.stopTimeoutSeconds): Promise<string[]> {
  const stopped = await Promise.all(
    job.ids.map(async (id) => {
      const details = await docker.inspectContainer(id).catch(() => null);
      if (!details || classifyName(job.app, details.name).role === 'live') return null;
      if (!STILL_UP.includes(details.status)) return null;
      // Dokku fires retire-container-failed when both fail; there is no one to tell here, and
      // ps:retire tries again ("Container … still running").
      return (await haltContainer(docker, id, stopTimeoutSeconds)) ? id : null;
    }),
  );
  return stopped.filter((id): id is string => id !== null);
}

/** Whether any container of the job still needs stopping; an engine that does not answer counts as yes. */
async function anyStillUp(docker: DockerPort, job: RetireJob): Promise<boolean> {
  const up = await Promise.all(
    job.ids.map((id) =>
      docker.inspectContainer(id).then(
        (details) => details !== null && classifyName(job.app, details.name).role !== 'live' && STILL_UP.includes(details.status),
        () => true,
      ),
    ),
  );
  return up.includes(true);
}

/** The first look, soon after the SIGTERM; each later one waits twice as long, up to RETIRE_POLL_MS. */
export const RETIRE_FIRST_POLL_MS = 1_000;
export const RETIRE_POLL_MS = 15_000;

/**
 * Waits until the job is due, then stops what is left with the app's current stop timeout. A
 * job with nothing left to stop meanwhile (its containers exited on the SIGTERM, or ps:retire or
 * apps:destroy removed them) ends early.
 */
export async function runRetireJob(docker: DockerPort, job: RetireJob, clock: Clock): Promise<string[]> {
  const due = job.at * 1000;
  for (let poll = RETIRE_FIRST_POLL_MS; clock.now() < due; poll = Math.min(poll * 2, RETIRE_POLL_MS)) {
    await clock.sleep(Math.min(poll, due - clock.now()));
    if (clock.now() >= due) break;
    if (!(await anyStillUp(docker, job))) return [];
  }
  return stopOldContainers(docker, job, await dueStopTimeout(job));
}
