/**
 * The host-wide ps:retire lock (Dokku: a non-blocking flock on data/ps/retire): a retire started
 * by the timer and one started by hand must not remove the same containers twice. A lock left
 * by a process that died is taken over (see plugin-api tryLockFile).
 */
import { join } from 'node:path';
import { tryLockFile, type FileLock } from '@pier/plugin-api';

export type RetireLock = FileLock;

/** Takes the lock, or returns undefined when a live process holds it. */
export async function acquireRetireLock(root: string): Promise<RetireLock | undefined> {
  return (await tryLockFile(join(root, 'data', 'ps', 'retire.lock'))).lock;
}
