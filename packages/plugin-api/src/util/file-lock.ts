import { randomUUID } from 'node:crypto';
import { mkdir, open, readFile, rm } from 'node:fs/promises';
import { dirname } from 'node:path';

/** What a lock file holds: the owner's pid, a token proving ownership, and whatever the owner adds. */
export interface LockRecord {
  pid: number;
  token: string;
  [detail: string]: unknown;
}

export interface FileLock {
  readonly record: LockRecord;
  /** Removes the lock file if it is still ours (a lock taken over after we died is not ours). */
  release(): Promise<void>;
}

export type LockAttempt = { lock: FileLock; heldBy?: undefined } | { lock?: undefined; heldBy: LockRecord };

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

async function readRecord(path: string): Promise<LockRecord | undefined> {
  try {
    const record = JSON.parse(await readFile(path, 'utf8')) as LockRecord;
    return typeof record.pid === 'number' ? record : undefined;
  } catch {
    return undefined;
  }
}

/** The record of a live holder of the lock at `path`, or undefined when nobody holds it. */
export async function lockHolder(path: string): Promise<LockRecord | undefined> {
  const record = await readRecord(path);
  return record && isAlive(record.pid) ? record : undefined;
}

/**
 * Tries once to take the lock at `path`: the file is created with O_EXCL, so exactly one process
 * wins. A lock whose process died (a killed deploy) is taken over instead of blocking forever.
 * Returns the lock, or the record of the live process that holds it.
 */
export async function tryLockFile(path: string, details: Record<string, unknown> = {}): Promise<LockAttempt> {
  await mkdir(dirname(path), { recursive: true, mode: 0o755 });
  const record: LockRecord = { ...details, pid: process.pid, token: randomUUID() };
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const handle = await open(path, 'wx', 0o600);
      await handle.writeFile(JSON.stringify(record));
      await handle.close();
      return {
        lock: {
          record,
          async release() {
            if ((await readRecord(path))?.token === record.token) await rm(path, { force: true });
          },
        },
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const holder = await readRecord(path);
    // A file we cannot parse may be half-written by its creator: give it one more look.
    if (holder && isAlive(holder.pid)) return { heldBy: holder };
    if (!holder && attempt === 0) {
      await new Promise((resolve) => setTimeout(resolve, 20));
      continue;
    }
    await rm(path, { force: true });
  }
  const holder = await readRecord(path);
  return { heldBy: holder ?? { pid: 0, token: '' } };
}

/** Runs `work` holding the lock at `path`, waiting (polling) up to `timeoutMs` for it. */
export async function withFileLock<T>(path: string, work: () => Promise<T>, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const attempt = await tryLockFile(path);
    if (attempt.lock) {
      try {
        return await work();
      } finally {
        await attempt.lock.release();
      }
    }
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${path} (held by pid ${attempt.heldBy.pid})`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}
