/**
 * The little state this scheduler keeps on disk, under `<root>/data/scheduler-docker-local/`:
 *
 *   dead-containers              `<app> <id> <unix time>` lines: retire once the time has passed (§4.5)
 *   <app>/failed-containers      `<id> <type>.<n>` lines from the last failed deploy (logs:failed)
 *   <app>/release.json           the release being switched in, then the last successful one (image, processes, env), mode 0600
 *   <app>/swap-journal.json      while a deploy switches containers: the old ones still to retire (swap-journal.ts)
 *
 * Which containers are live is NOT kept here: that comes from the engine (names and labels).
 * Files are replaced atomically (write a temp file, rename), so a killed process never leaves a
 * half-written file behind.
 */
import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { withFileLock, writeFileAtomic, type Release } from '@pier/plugin-api';

export const dataDir = (root: string) => join(root, 'data', 'scheduler-docker-local');
export const appDataDir = (root: string, app: string) => join(dataDir(root), app);
export const deadContainersFile = (root: string) => join(dataDir(root), 'dead-containers');
export const failedContainersFile = (root: string, app: string) => join(appDataDir(root, app), 'failed-containers');
export const releaseFile = (root: string, app: string) => join(appDataDir(root, app), 'release.json');
export const swapJournalFile = (root: string, app: string) => join(appDataDir(root, app), 'swap-journal.json');

export async function readText(path: string): Promise<string | null> {
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

export interface FailedContainer {
  id: string;
  dyno: string;
}

export async function readFailedContainers(root: string, app: string): Promise<FailedContainer[]> {
  const text = (await readText(failedContainersFile(root, app))) ?? '';
  return text
    .split('\n')
    .map((line) => line.trim().split(/\s+/))
    .filter((fields): fields is [string, string] => fields.length === 2 && fields[0] !== '')
    .map(([id, dyno]) => ({ id, dyno }));
}

export async function writeFailedContainers(root: string, app: string, entries: FailedContainer[]): Promise<void> {
  const path = failedContainersFile(root, app);
  if (entries.length === 0) await rm(path, { force: true });
  else await writeFileAtomic(path, entries.map((e) => `${e.id} ${e.dyno}\n`).join(''));
}

/** Parallel process types may fail at once, so appends go through the lock too. */
export async function appendFailedContainer(root: string, app: string, entry: FailedContainer): Promise<void> {
  const path = failedContainersFile(root, app);
  await withFileLock(`${path}.lock`, async () => {
    const entries = await readFailedContainers(root, app);
    await writeFailedContainers(root, app, [...entries, entry]);
  });
}

export interface StoredRelease {
  app: string;
  release: Release;
  /** The image id the containers were created from (the tag may move later). */
  imageId: string;
  deployedAt: string;
}

export async function readStoredRelease(root: string, app: string): Promise<StoredRelease | null> {
  const text = await readText(releaseFile(root, app));
  return text === null ? null : (JSON.parse(text) as StoredRelease);
}

/** The env holds the app's secrets, hence 0600. */
export async function writeStoredRelease(root: string, stored: StoredRelease): Promise<void> {
  await writeFileAtomic(releaseFile(root, stored.app), `${JSON.stringify(stored, null, 2)}\n`, 0o600);
}

/** Puts back what readStoredRelease returned before (a deploy undone at its swap); null: there was none. */
export async function restoreStoredRelease(root: string, app: string, previous: StoredRelease | null): Promise<void> {
  if (previous === null) await rm(releaseFile(root, app), { force: true });
  else await writeStoredRelease(root, previous);
}
