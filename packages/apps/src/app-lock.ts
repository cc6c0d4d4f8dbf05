import { randomUUID } from 'node:crypto';
import { open, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { ErrorCodes, PierError } from '@pier/plugin-api';

interface LockRecord {
  token: string;
  holder: string;
  pid: number;
  since: string;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

async function readLock(path: string): Promise<LockRecord | undefined> {
  try {
    return JSON.parse(await readFile(path, 'utf8')) as LockRecord;
  } catch {
    return undefined;
  }
}

/**
 * One lock file per app, created with O_EXCL so exactly one process wins. A lock whose process
 * died (a killed deploy) is taken over instead of blocking the app forever.
 */
export function createAppLocks(appDir: (app: string) => string) {
  const lockPath = (app: string) => join(appDir(app), '.pier-lock');

  async function tryCreate(path: string, record: LockRecord): Promise<boolean> {
    try {
      const handle = await open(path, 'wx', 0o600);
      await handle.writeFile(JSON.stringify(record));
      await handle.close();
      return true;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
      throw error;
    }
  }

  return {
    async acquire(app: string, holder: string): Promise<string> {
      const path = lockPath(app);
      const record: LockRecord = { token: randomUUID(), holder, pid: process.pid, since: new Date().toISOString() };
      for (let attempt = 0; attempt < 3; attempt++) {
        if (await tryCreate(path, record)) return record.token;
        const current = await readLock(path);
        if (current && isAlive(current.pid)) {
          throw new PierError(
            ErrorCodes.APP_LOCKED,
            `App ${app} is locked by "${current.holder}" (pid ${current.pid}, since ${current.since}); try again when it finishes`,
          );
        }
        await rm(path, { force: true }); // stale: its process is gone
      }
      throw new PierError(ErrorCodes.APP_LOCKED, `App ${app} is locked; could not take its lock`);
    },

    /** Whether a live process holds the app's lock right now. */
    async isLocked(app: string): Promise<boolean> {
      const current = await readLock(lockPath(app));
      return current !== undefined && isAlive(current.pid);
    },

    async release(app: string, token: string): Promise<void> {
      const path = lockPath(app);
      if ((await readLock(path))?.token === token) await rm(path, { force: true });
    },
  };
}
