/**
 * Starts the background retire job of a deploy (retire-job.ts). Pier has no daemon, so the job
 * is its own Node process: detached (its own session, so a Ctrl-C or a closed terminal that ends
 * `pier` does not end it), with no stdio (it holds no terminal or pipe open: `pier deploy | cat`
 * and execa return as soon as `pier` exits), unref'd (`pier` does not wait for it) and started
 * from `/` (it keeps no directory busy).
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { RetireJob } from './retire-job.js';

/** Hands a job to whatever runs it; injectable so unit tests record jobs instead of spawning. */
export type RetireLauncher = (job: RetireJob) => void;

/** The compiled worker next to this module (dist/retire-worker.js). */
export const RETIRE_WORKER = fileURLToPath(new URL('./retire-worker.js', import.meta.url));

type Spawn = typeof spawn;

export function detachedRetireLauncher(env: Readonly<Record<string, string | undefined>>, run: Spawn = spawn, script = RETIRE_WORKER): RetireLauncher {
  return (job) => {
    // Running from sources (tests without a build) there is no worker: ps:retire still stops them.
    if (!existsSync(script)) return;
    try {
      const child = run(process.execPath, [script, JSON.stringify(job)], {
        detached: true,
        stdio: 'ignore',
        cwd: '/',
        env: Object.fromEntries(Object.entries(env).filter((entry): entry is [string, string] => entry[1] !== undefined)),
      });
      child.on('error', () => {});
      child.unref();
    } catch {
      // No process to be had (limits): the deploy is done all the same, ps:retire stops them.
    }
  };
}
