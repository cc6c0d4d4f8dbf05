import { join } from 'node:path';
import { ErrorCodes, PierError, lockHolder, tryLockFile, type FileLock } from '@pier/plugin-api';

/**
 * One lock file per app (`<root>/apps/<app>/.pier-lock`) for the commands that change the app.
 * The file lock itself (O_EXCL, take-over of a dead holder's lock) lives in plugin-api.
 */
export function createAppLocks(appDir: (app: string) => string) {
  const lockPath = (app: string) => join(appDir(app), '.pier-lock');
  const held = new Map<string, FileLock>();

  return {
    async acquire(app: string, holder: string): Promise<string> {
      const attempt = await tryLockFile(lockPath(app), { holder, since: new Date().toISOString() });
      if (attempt.heldBy) {
        const { holder: by, pid, since } = attempt.heldBy;
        throw new PierError(
          ErrorCodes.APP_LOCKED,
          `App ${app} is locked by "${String(by)}" (pid ${pid}, since ${String(since)}); try again when it finishes`,
        );
      }
      held.set(attempt.lock.record.token, attempt.lock);
      return attempt.lock.record.token;
    },

    /** Whether a live process holds the app's lock right now. */
    async isLocked(app: string): Promise<boolean> {
      return (await lockHolder(lockPath(app))) !== undefined;
    },

    async release(_app: string, token: string): Promise<void> {
      await held.get(token)?.release();
      held.delete(token);
    },
  };
}
