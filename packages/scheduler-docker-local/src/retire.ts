/**
 * Retirement bookkeeping (reference §4.5). Replaced containers are recorded in `dead-containers`
 * with the time after which they may go. At that time a background job started by the deploy
 * stops them (retire-job.ts, Dokku's `sleep W; docker stop`), and `ps:retire` (retire()) stops
 * whatever is still running and removes them; Pier installs no timer, so run `pier ps:retire`
 * from cron to have them removed. Image retirement (dead-images) is left out on purpose: Pier
 * deploys images the user built, and removing them is not the scheduler's call.
 *
 * ps:retire takes no app lock (as in Dokku), so it can run during a deploy: it never stops a
 * container that holds a live name, and keeps that entry for a later run (see retireContainer).
 */
import type { Output, TriggerBus } from '@pier/plugin-api';
import type { DockerPort } from './docker-port.js';
import { classifyName } from './naming.js';
import type { RetireJob } from './retire-job.js';
import type { RetireLauncher } from './retire-launch.js';
import { withFileLock, writeFileAtomic, LABEL_APP } from '@pier/plugin-api';
import { deadContainersFile, readText } from './state-files.js';
import { currentStopTimeout } from './stop-timeout.js';

export interface RetireEntry {
  app: string;
  id: string;
  /** Unix seconds after which the container may be stopped and removed. */
  at: number;
}

export function parseDeadContainers(text: string): RetireEntry[] {
  const entries: RetireEntry[] = [];
  for (const line of text.split('\n')) {
    const [app, id, at] = line.trim().split(/\s+/);
    if (app && id && at && /^[0-9]+$/.test(at)) entries.push({ app, id, at: Number(at) });
  }
  return entries;
}

export const formatDeadContainers = (entries: RetireEntry[]) => entries.map((e) => `${e.app} ${e.id} ${e.at}\n`).join('');

async function updateDeadContainers(root: string, change: (entries: RetireEntry[]) => Promise<RetireEntry[]> | RetireEntry[]) {
  const path = deadContainersFile(root);
  await withFileLock(`${path}.lock`, async () => {
    const entries = parseDeadContainers((await readText(path)) ?? '');
    await writeFileAtomic(path, formatDeadContainers(await change(entries)));
  });
}

/**
 * `scheduler-register-retired APP CID WAIT`: append unless the container is already listed. A
 * listed one keeps the later of the two times: an entry kept while its container was live again
 * (see retireContainer) must not make it due the moment it is finally replaced.
 */
export async function registerRetired(root: string, items: RetireEntry[]): Promise<void> {
  if (items.length === 0) return;
  await updateDeadContainers(root, (entries) => {
    const byId = new Map(entries.map((e) => [e.id, e]));
    const added: RetireEntry[] = [];
    for (const item of items) {
      const known = byId.get(item.id);
      if (known) known.at = Math.max(known.at, item.at);
      else if (!added.some((a) => a.id === item.id)) added.push(item);
    }
    return [...entries, ...added];
  });
}

/** Drops entries (their containers were removed some other way). */
export async function forgetRetired(root: string, keep: (entry: RetireEntry) => boolean): Promise<void> {
  await updateDeadContainers(root, (entries) => entries.filter(keep));
}

/**
 * Dokku's step 7 for a deploy's old containers: restart policy off (so the engine does not bring
 * a terminated one back), SIGTERM now, and their ids handed to the background job that stops what
 * is left once `job.at` has come. Without `handOff` there is no job: the caller stops them itself.
 */
export async function terminateOld(
  ctx: { docker: DockerPort; retireLauncher: RetireLauncher },
  job: RetireJob,
  { handOff = true }: { handOff?: boolean } = {},
): Promise<void> {
  await Promise.all(
    job.ids.map(async (id) => {
      await ctx.docker.updateRestartPolicy(id, { Name: 'no' }).catch(() => {});
      await ctx.docker.killContainer(id, 'SIGTERM').catch(() => {});
    }),
  );
  if (handOff) ctx.retireLauncher(job);
}

export interface RetireContext {
  docker: DockerPort;
  log: Output;
  /** For the apps' current stop timeouts. */
  bus: TriggerBus;
  root: string;
  /** Unix seconds. */
  now(): number;
}

/**
 * Stops and removes one retired container. Returns whether its entry can be dropped: true when
 * it is gone, false when it is still running (kept for the next ps:retire, as Dokku does) or
 * holds a live name.
 */
export async function retireContainer(ctx: RetireContext, app: string, id: string, stopTimeout: number): Promise<boolean> {
  const { docker, log } = ctx;
  log.verbose(`Attempting to retire ${app} container ${id}`);
  let details = await docker.inspectContainer(id);
  if (!details) return true;
  // Recorded but still holding its live name: a deploy is between recording and renaming it
  // (ps:retire takes no app lock), or one was killed there and its next deploy replaces it. Not
  // ours to stop; the entry stays, so it is retired once it has been moved aside.
  if (details.labels[LABEL_APP] === app && classifyName(app, details.name).role === 'live') {
    log.verbose(`Container ${id} is live again, not retiring it`);
    return false;
  }
  if (details.status === 'restarting') await docker.updateRestartPolicy(id, { Name: 'no' }).catch(() => {});
  if (details.status !== 'exited' && details.status !== 'dead' && details.status !== 'created') {
    try {
      await docker.stopContainer(id, stopTimeout);
    } catch {
      await docker.killContainer(id).catch(() => log.warn(`Unable to kill container ${id}`));
    }
  }
  details = await docker.inspectContainer(id);
  if (!details) return true;
  if (details.running) {
    log.warn(`Container ${id} still running`);
    return false;
  }
  await docker.removeContainer(id);
  return true;
}

/** `ps:retire [<app>]`: retire every due entry (of one app, or all apps). */
export async function retire(ctx: RetireContext, app?: string): Promise<void> {
  const path = deadContainersFile(ctx.root);
  const now = ctx.now();
  const due = parseDeadContainers((await readText(path)) ?? '').filter((e) => (app === undefined || e.app === app) && e.at <= now);
  if (due.length === 0) return;
  const done = new Set<string>();
  const timeouts = new Map<string, number>();
  for (const entry of due) {
    if (!timeouts.has(entry.app)) timeouts.set(entry.app, await currentStopTimeout(ctx, entry.app));
    if (await retireContainer(ctx, entry.app, entry.id, timeouts.get(entry.app)!)) done.add(entry.id);
  }
  // Only the processed entries are dropped: a deploy may have appended new ones meanwhile.
  await forgetRetired(ctx.root, (entry) => !done.has(entry.id));
}
