import { mkdir, open, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { ErrorCodes, PierError } from '@pier/plugin-api';
import { pluginsDir } from './plugin-registry.js';

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Runs `work` holding the plugin lock, so two plugin commands never change the npm prefix and the
 * registry at the same time. A lock left by a process that died is taken over.
 */
export async function withPluginLock<T>(root: string, work: () => Promise<T>): Promise<T> {
  const dir = pluginsDir(root);
  const path = join(dir, '.lock');
  await mkdir(dir, { recursive: true });
  for (let attempt = 0; ; attempt++) {
    try {
      const handle = await open(path, 'wx', 0o600);
      await handle.writeFile(String(process.pid));
      await handle.close();
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST' || attempt > 0) throw error;
      const holder = Number((await readFile(path, 'utf8').catch(() => '')).trim());
      if (holder && alive(holder)) {
        throw new PierError(ErrorCodes.PLUGIN_INSTALL, `Another plugin command is running (pid ${holder}); try again when it has finished`);
      }
      await rm(path, { force: true });
    }
  }
  try {
    return await work();
  } finally {
    await rm(path, { force: true });
  }
}
