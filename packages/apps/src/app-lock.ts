import { join } from 'node:path';
import { ErrorCodes, PierError, lockHolder, tryLockFile, type FileLock } from '@pier/plugin-api';
import { DeployLockedError, type DeployLock } from './deploy-lock.js';

export interface AcquireOptions {
  /** apps:destroy runs on a deploy-locked app, as in Dokku (the lock goes with the app). */
  ignoreDeployLock?: boolean;
}

/**
 * One lock file per app (`<root>/apps/<app>/.pier-lock`) for the commands that change the app,
 * so that two of them never interleave. The file lock itself (O_EXCL, take-over of a dead
 * holder's lock) lives in plugin-api. A command also stops at the deploy lock of `apps:lock`.
 */
export function createAppLocks(appDir: (app: string) => string, deployLock: DeployLock) {
  const lockPath = (app: string) => join(appDir(app), '.pier-lock');
  const held = new Map<string, FileLock>();

  async function release(token: string): Promise<void> {
    await held.get(token)?.release();
    held.delete(token);
  }

  const locks = {
    async acquire(app: string, holder: string, options: AcquireOptions = {}): Promise<string> {
      const attempt = await tryLockFile(lockPath(app), { holder, since: new Date().toISOString() });
      if (attempt.heldBy) {
        const { holder: by, pid, since } = attempt.heldBy;
        throw new PierError(
          ErrorCodes.APP_LOCKED,
          `App ${app} is locked by "${String(by)}" (pid ${pid}, since ${String(since)}); try again when it finishes`,
        );
      }
      const { token } = attempt.lock.record;
      held.set(token, attempt.lock);
      // Checked while holding the command lock: an apps:lock that comes later does not stop a
      // command already running (Dokku: "Removing the app lock will not stop in progress deploys").
      if (!options.ignoreDeployLock && (await deployLock.exists(app))) {
        await release(token);
        throw new DeployLockedError(app);
      }
      return token;
    },

    /** Locked as Dokku's `apps:locked` and the `app-locked` report key see it: by apps:lock, or by a running command. */
    async isLocked(app: string): Promise<boolean> {
      return (await deployLock.exists(app)) || (await lockHolder(lockPath(app))) !== undefined;
    },

    async release(_app: string, token: string): Promise<void> {
      await release(token);
    },

    /** plugin-api's withAppLock for this plugin's own commands, which may pass options. */
    async hold<T>(app: string, holder: string, work: () => Promise<T>, options?: AcquireOptions): Promise<T> {
      const token = await locks.acquire(app, holder, options);
      try {
        return await work();
      } finally {
        await release(token);
      }
    },
  };
  return locks;
}

export type AppLocks = ReturnType<typeof createAppLocks>;
