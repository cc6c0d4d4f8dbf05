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
import type { DockerPort } from './docker-port.js';
import { dockerodeConnection, type DockerodePortOptions } from './dockerode-port.js';
import type { RetireJob } from './retire-job.js';

/** Hands a job to whatever runs it; injectable so unit tests record jobs instead of spawning. */
export type RetireLauncher = (job: RetireJob) => void;

/** The compiled worker next to this module (dist/retire-worker.js). */
export const RETIRE_WORKER = fileURLToPath(new URL('./retire-worker.js', import.meta.url));

type Spawn = typeof spawn;

type Env = Readonly<Record<string, string | undefined>>;

/**
 * `connection`: how the worker reaches the deploy's engine (createDockerodePort's options); the
 * worker is started with `env`, so dockerode's defaults there mean the invocation's DOCKER_HOST.
 */
export function detachedRetireLauncher(env: Env, connection: DockerodePortOptions = {}, run: Spawn = spawn, script = RETIRE_WORKER): RetireLauncher {
  const docker = Object.keys(connection).length > 0 ? { docker: connection } : {};
  return (job) => {
    // Running from sources (tests without a build) there is no worker: ps:retire still stops them.
    if (!existsSync(script)) return;
    try {
      const child = run(process.execPath, [script, JSON.stringify({ ...job, ...docker })], {
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

/**
 * The launcher of a scheduler using `engine`: the detached worker, connected the way `engine` is.
 * An engine another process cannot reach the same way (an embedder's own DockerPort) gets no
 * background job: the hard stops are left to ps:retire, which runs against that engine.
 */
export function defaultRetireLauncher(engine: DockerPort, env: Env, run: Spawn = spawn, script = RETIRE_WORKER): RetireLauncher {
  const connection = dockerodeConnection(engine);
  return connection === undefined ? () => {} : detachedRetireLauncher(env, connection, run, script);
}
