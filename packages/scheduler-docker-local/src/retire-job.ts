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
 */
import type { Clock } from './clock.js';
import type { DockerPort } from './docker-port.js';
import { haltContainer } from './halt-container.js';
import { classifyName } from './naming.js';

export interface RetireJob {
  app: string;
  /** The old containers of the deploy. */
  ids: string[];
  /** Unix seconds: when they are stopped (the deploy's end plus wait-to-retire). */
  at: number;
  /** The app's stop-timeout-seconds when the deploy finished. */
  stopTimeoutSeconds: number;
}

/** Parses the worker's argument; null for anything that is not a job (nothing is stopped then). */
export function parseRetireJob(text: string | undefined): RetireJob | null {
  try {
    const job = JSON.parse(text ?? '') as Partial<RetireJob>;
    const valid =
      typeof job.app === 'string' &&
      Array.isArray(job.ids) &&
      job.ids.every((id) => typeof id === 'string' && /^[0-9a-f]{12,64}$/.test(id)) &&
      Number.isInteger(job.at) &&
      Number.isInteger(job.stopTimeoutSeconds) &&
      job.stopTimeoutSeconds! >= 0;
    return valid ? (job as RetireJob) : null;
  } catch {
    return null;
  }
}

/** Stops every old container of the job that still runs; returns the ids it stopped. */
export async function stopOldContainers(docker: DockerPort, job: RetireJob): Promise<string[]> {
  const stopped = await Promise.all(
    job.ids.map(async (id) => {
      const details = await docker.inspectContainer(id).catch(() => null);
      if (!details || classifyName(job.app, details.name).role === 'live') return null;
      if (!['running', 'restarting', 'paused'].includes(details.status)) return null;
      // Dokku fires retire-container-failed when both fail; there is no one to tell here, and
      // ps:retire tries again ("Container … still running").
      return (await haltContainer(docker, id, job.stopTimeoutSeconds)) ? id : null;
    }),
  );
  return stopped.filter((id): id is string => id !== null);
}

/** How often a waiting job looks whether its containers are still there. */
export const RETIRE_POLL_MS = 15_000;

/**
 * Waits until the job is due, then stops what is left. A job whose containers are all gone
 * meanwhile (ps:retire, apps:destroy) ends early rather than sleeping on for nothing; an engine
 * that does not answer counts as "still there".
 */
export async function runRetireJob(docker: DockerPort, job: RetireJob, clock: Clock): Promise<string[]> {
  const due = job.at * 1000;
  while (clock.now() < due) {
    await clock.sleep(Math.min(RETIRE_POLL_MS, due - clock.now()));
    if (clock.now() >= due) break;
    const left = await Promise.all(job.ids.map((id) => docker.inspectContainer(id).then((c) => c !== null, () => true)));
    if (!left.includes(true)) return [];
  }
  return stopOldContainers(docker, job);
}
