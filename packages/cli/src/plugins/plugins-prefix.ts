import { access, readFile, readdir, rm, rmdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { writeFileAtomic } from '@pier/plugin-api';

/*
 * The npm prefix under `<root>/plugins`: its own package.json (so npm never installs into a
 * project above it), and the snapshot/restore that lets a failed install leave it as it was.
 * A prefix without package.json was never set up: a failed first install removes all of it.
 */

const PREFIX_PACKAGE = {
  name: 'pier-plugins',
  private: true,
  description: 'Third-party Pier plugins, managed by `pier plugin:*`. Do not edit by hand.',
};

/** The prefix's own package.json, so npm installs into it and not into some project above it. */
export async function ensurePrefixPackage(dir: string): Promise<void> {
  await writeFile(join(dir, 'package.json'), `${JSON.stringify(PREFIX_PACKAGE, null, 2)}\n`, { flag: 'wx' }).catch((error: NodeJS.ErrnoException) => {
    if (error.code !== 'EEXIST') throw error;
  });
}

/** Staging folders left by an install that was killed; nothing refers to them. */
export async function removeStaleStaging(dir: string): Promise<void> {
  for (const entry of await readdir(dir)) {
    if (entry.startsWith('.staging-')) await rm(join(dir, entry), { recursive: true, force: true });
  }
}

export type Snapshot = Record<'package.json' | 'package-lock.json', string | undefined>;

/** package.json and the lockfile as they are now, to restore after a failed install. */
export async function snapshotPrefix(dir: string): Promise<Snapshot> {
  const read = (file: string) => readFile(join(dir, file), 'utf8').catch(() => undefined);
  return { 'package.json': await read('package.json'), 'package-lock.json': await read('package-lock.json') };
}

/** Puts package.json and the lockfile back as they were (a file that did not exist is removed). */
export async function restorePrefix(dir: string, snapshot: Snapshot): Promise<void> {
  for (const [file, content] of Object.entries(snapshot)) {
    if (content === undefined) await rm(join(dir, file), { force: true });
    else await writeFileAtomic(join(dir, file), content);
  }
}

/** Whether no install ever set the prefix up (it has no package.json yet). */
export async function isFreshPrefix(dir: string): Promise<boolean> {
  return access(join(dir, 'package.json')).then(
    () => false,
    () => true,
  );
}

/** Undoes a failed first install: everything it created goes, so the root is as it was. */
export async function discardFreshPrefix(dir: string): Promise<void> {
  for (const entry of ['package.json', 'package-lock.json', 'node_modules', 'tarballs']) {
    await rm(join(dir, entry), { recursive: true, force: true });
  }
}

/** Removes `<root>/plugins` if it is empty (the failed install created it, and the lock is gone). */
export async function removeIfEmpty(dir: string): Promise<void> {
  await rmdir(dir).catch(() => undefined);
}
