import { readdirSync, readFileSync, readlinkSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createHostApp, pierOk, tearDownApps } from './support/apps.js';
import { appContainers, buildFixtureImage, docker, waitFor } from './support/docker.js';
import { pierEnvironment, type PierEnvironment } from './support/pier.js';

// Issue #3, audit finding 1: a deploy's old containers are stopped once wait-to-retire has
// passed, by a background job the deploy leaves behind, without anyone running ps:retire. The
// old web process here ignores SIGTERM, so only that job's hard stop ends it.
const app = 'e2e-rtjob';
const image = 'e2e-rtjob-img:1';
let env: PierEnvironment;

beforeAll(async () => {
  env = pierEnvironment();
  await buildFixtureImage(image, 'ignores-term');
  await createHostApp(env, app, [], '1');
  await pierOk(env, ['ps:set', app, 'stop-timeout-seconds', '1']);
  await pierOk(env, ['checks:skip', app]); // this file is about retirement, not checks
  await pierOk(env, ['deploy', app, image]);
}, 60_000);
afterAll(() => tearDownApps(env, { apps: [app], images: [image] }), 60_000);

const webContainer = async () => (await appContainers(app)).find((c) => c.name === `${app}.web.1`)!;
const logsOf = async (id: string) => (await docker.getContainer(id).logs({ stdout: true, stderr: true })).toString('utf8');

/** Processes whose command line mentions `needle`: [pid, argv]. */
function processesWith(needle: string): [number, string[]][] {
  const found: [number, string[]][] = [];
  for (const entry of readdirSync('/proc').filter((name) => /^\d+$/.test(name))) {
    try {
      const argv = readFileSync(`/proc/${entry}/cmdline`, 'utf8').split('\0').filter(Boolean);
      if (argv.some((arg) => arg.includes(needle))) found.push([Number(entry), argv]);
    } catch {
      // gone meanwhile
    }
  }
  return found;
}

describe('the background retire job', () => {
  it('stops an old container that ignores SIGTERM after wait-to-retire; ps:retire then removes it', async () => {
    const old = await webContainer();

    const deploy = await env.pier(['deploy', app, image]);

    expect(deploy.exitCode).toBe(0);
    expect(deploy.stdout).toContain('       Attempting pre-flight checks (web.1)\n=====> Zero downtime checks have been skipped (web.1)\n');
    expect(deploy.stdout).toContain('-----> Shutting down old containers in 1 seconds\n');
    // Nobody runs ps:retire: the job started by the deploy stops it (SIGTERM alone never would).
    await waitFor(async () => (await appContainers(app)).find((c) => c.id === old.id)?.state === 'exited', {
      timeoutMs: 60_000,
      intervalMs: 250,
      what: 'the old container to be stopped by the retire job',
    });
    expect(await logsOf(old.id)).toContain('ignoring TERM');
    expect((await webContainer()).state).toBe('running');

    await waitFor(
      async () => {
        await pierOk(env, ['ps:retire', app]);
        return !(await appContainers(app)).some((c) => c.id === old.id);
      },
      { timeoutMs: 30_000, intervalMs: 500, what: 'ps:retire to remove the stopped container' },
    );
  });

  it('outlives the pier that started it and holds none of its stdio', async () => {
    await pierOk(env, ['checks:set', app, 'wait-to-retire', '600']);
    const old = await webContainer();

    // If the job kept pier's stdout or stderr open, this would only return ten minutes from now.
    await pierOk(env, ['deploy', app, image]);

    const jobs = processesWith(old.id).filter(([, argv]) => argv.some((arg) => arg.endsWith('retire-worker.js')));
    expect(jobs).toHaveLength(1);
    const [pid] = jobs[0]!;
    try {
      for (const fd of [0, 1, 2]) expect(readlinkSync(`/proc/${pid}/fd/${fd}`)).toBe('/dev/null');
      // Its own session (setsid): a closed terminal or a Ctrl-C to the pier that started it passes it by.
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      // After "(comm) ": state, ppid, pgrp, session.
      const [, , , session] = stat.slice(stat.lastIndexOf(')') + 2).split(' ').map(Number);
      expect(session).toBe(pid);
    } finally {
      process.kill(pid, 'SIGKILL'); // the job this test started; it would otherwise sleep for ten minutes
    }
  });
});
