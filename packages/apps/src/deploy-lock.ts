import { access, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ErrorCodes, PierError } from '@pier/plugin-api';

/** Dokku's lock file, at the same place: `<app dir>/.deploy.lock` (its content does not matter). */
export const DEPLOY_LOCK_FILE = '.deploy.lock';

/** What Dokku prints when a deploy meets the lock that `apps:lock` created. */
export class DeployLockedError extends PierError {
  constructor(readonly app: string) {
    super(
      ErrorCodes.APP_LOCKED,
      `${app} currently has a deploy lock in place. Exiting...\nRun 'apps:unlock' to release the existing deploy lock`,
    );
  }
}

/**
 * The deploy lock of `apps:lock` / `apps:unlock`: a file that stays until it is removed, unlike
 * the per-command lock (app-lock.ts) that lives only as long as its command.
 */
export function createDeployLock(appDir: (app: string) => string) {
  const path = (app: string) => join(appDir(app), DEPLOY_LOCK_FILE);
  return {
    async exists(app: string): Promise<boolean> {
      return access(path(app)).then(
        () => true,
        () => false,
      );
    },
    /** Creates (or keeps) the lock; like Dokku's os.Create, locking a locked app is fine. */
    async create(app: string): Promise<void> {
      await writeFile(path(app), '', { mode: 0o600 });
    },
    /** Removes the lock; false when there was none. */
    async remove(app: string): Promise<boolean> {
      try {
        await rm(path(app));
        return true;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false;
        throw error;
      }
    },
  };
}

export type DeployLock = ReturnType<typeof createDeployLock>;
