/**
 * The host-wide ps:retire lock (Dokku: a non-blocking flock on data/ps/retire): a retire started
 * by the timer and one started by hand must not remove the same containers twice. A lock left
 * by a process that died is taken over.
 */
import { mkdir, open, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';

export interface RetireLock {
  release(): Promise<void>;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

async function holderPid(path: string): Promise<number | undefined> {
  const text = await readFile(path, 'utf8').catch(() => '');
  return /^\d+$/.test(text) ? Number(text) : undefined;
}

/** Takes the lock, or returns undefined when a live process holds it. */
export async function acquireRetireLock(root: string): Promise<RetireLock | undefined> {
  const dir = join(root, 'data', 'ps');
  const path = join(dir, 'retire.lock');
  await mkdir(dir, { recursive: true });
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const handle = await open(path, 'wx', 0o600);
      await handle.writeFile(String(process.pid));
      await handle.close();
      return { release: () => rm(path, { force: true }) };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const pid = await holderPid(path);
    if (pid !== undefined && isAlive(pid)) return undefined;
    await rm(path, { force: true });
  }
  return undefined;
}
