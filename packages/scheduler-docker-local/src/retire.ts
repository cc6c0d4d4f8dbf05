/**
 * Retirement bookkeeping (reference §4.5). Dokku stops old containers from a background job and
 * removes them from a systemd timer; Pier has no daemon, so replaced containers are recorded in
 * `dead-containers` with the time after which they may go, and `ps:retire` (retire()) stops and
 * removes the ones whose time has passed. Image retirement (dead-images) is left out on purpose:
 * Pier deploys images the user built, and removing them is not the scheduler's call.
 */
import type { Output } from '@pier/plugin-api';
import type { DockerPort } from './docker-port.js';
import { classifyName, LABEL_APP } from './naming.js';
import { withFileLock, writeFileAtomic } from '@pier/plugin-api';
import { deadContainersFile, readStoredRelease, readText } from './state-files.js';

export interface RetireEntry {
  app: string;
  id: string;
  /** Unix seconds after which the container may be stopped and removed. */
  at: number;
}

/** Docker's default stop grace period, for apps whose stop timeout is unknown. */
export const DEFAULT_STOP_TIMEOUT_SECONDS = 10;

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

/** `scheduler-register-retired APP CID WAIT`: append unless the container is already listed. */
export async function registerRetired(root: string, items: RetireEntry[]): Promise<void> {
  if (items.length === 0) return;
  await updateDeadContainers(root, (entries) => {
    const known = new Set(entries.map((e) => e.id));
    return [...entries, ...items.filter((item) => !known.has(item.id) && known.add(item.id))];
  });
}

/** Drops entries (their containers were removed some other way). */
export async function forgetRetired(root: string, keep: (entry: RetireEntry) => boolean): Promise<void> {
  await updateDeadContainers(root, (entries) => entries.filter(keep));
}

export async function stopTimeoutOf(root: string, app: string): Promise<number> {
  const stored = await readStoredRelease(root, app).catch(() => null);
  return stored?.release.stopTimeoutSeconds ?? DEFAULT_STOP_TIMEOUT_SECONDS;
}

export interface RetireContext {
  docker: DockerPort;
  log: Output;
  root: string;
  /** Unix seconds. */
  now(): number;
}

/**
 * Stops and removes one retired container. Returns whether its entry can be dropped: true when
 * it is gone, false when it is still running (kept for the next ps:retire, as Dokku does).
 */
export async function retireContainer(ctx: RetireContext, app: string, id: string, stopTimeout: number): Promise<boolean> {
  const { docker, log } = ctx;
  log.verbose(`Attempting to retire ${app} container ${id}`);
  let details = await docker.inspectContainer(id);
  if (!details) return true;
  // A deploy killed between recording and renaming leaves a recorded container that still holds
  // its live name and serves; it is not ours to stop (the next deploy replaces it properly).
  if (details.labels[LABEL_APP] === app && classifyName(app, details.name).role === 'live') {
    log.verbose(`Container ${id} is live again, not retiring it`);
    return true;
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
    if (!timeouts.has(entry.app)) timeouts.set(entry.app, await stopTimeoutOf(ctx.root, entry.app));
    if (await retireContainer(ctx, entry.app, entry.id, timeouts.get(entry.app)!)) done.add(entry.id);
  }
  // Only the processed entries are dropped: a deploy may have appended new ones meanwhile.
  await forgetRetired(ctx.root, (entry) => !done.has(entry.id));
}
