import { join } from 'node:path';
import { ErrorCodes, PierError, tryLockFile } from '@pier/plugin-api';
import { pluginsDir } from './plugin-registry.js';

/**
 * Runs `work` holding the plugin lock, so two plugin commands never change the npm prefix and the
 * registry at the same time. A lock left by a process that died is taken over.
 */
export async function withPluginLock<T>(root: string, work: () => Promise<T>): Promise<T> {
  const attempt = await tryLockFile(join(pluginsDir(root), '.lock'));
  if (attempt.heldBy) {
    throw new PierError(
      ErrorCodes.PLUGIN_INSTALL,
      `Another plugin command is running (pid ${attempt.heldBy.pid}); try again when it has finished`,
    );
  }
  try {
    return await work();
  } finally {
    await attempt.lock.release();
  }
}
