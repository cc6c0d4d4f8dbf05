import { readdirSync, readFileSync, readlinkSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createHostApp, pierOk, tearDownApps } from './support/apps.js';
import { appContainers, buildFixtureImage, docker, waitFor } from './support/docker.js';
import { pierEnvironment, type PierEnvironment } from './support/pier.js';

// Issue #3, audit finding 1: a deploy's old containers are stopped once wait-to-retire has
// passed, by a background job the deploy leaves behind, without anyone running ps:retire. The
// old web process here ignores SIGTERM, so only that job's hard stop ends it. Audit round 2,
// finding 11: a job whose old containers all exited on the SIGTERM ends at once instead of
// sleeping through wait-to-retire (a second app, whose web exits on SIGTERM, shows it).
const app = 'e2e-rtjob';
const image = 'e2e-rtjob-img:1';
const polite = 'e2e-rtjob-polite';
const politeImage = 'e2e-rtjob-img:polite';
let env: PierEnvironment;

beforeAll(async () => {
  env = pierEnvironment();
  await buildFixtureImage(image, 'ignores-term');
  await buildFixtureImage(politeImage, 'web-worker');
  await createHostApp(env, app, [], '1');
  await pierOk(env, ['ps:set', app, 'stop-timeout-seconds', '1']);
  await pierOk(env, ['checks:skip', app]); // this file is about retirement, not checks
  await pierOk(env, ['deploy', app, image]);
  await createHostApp(env, polite, ['web=1', 'worker=0'], '600');
  await pierOk(env, ['checks:skip', polite]);
  await pierOk(env, ['deploy', polite, politeImage]);
}, 60_000);
afterAll(() => tearDownApps(env, { apps: [app, polite], images: [image, politeImage] }), 60_000);

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

  it('ends as soon as none of its old containers is still running, long before wait-to-retire', async () => {
    const old = (await appContainers(polite)).find((c) => c.name === `${polite}.web.1`)!;
    const jobsOfOld = () => processesWith(old.id).filter(([, argv]) => argv.some((arg) => arg.endsWith('retire-worker.js')));

    await pierOk(env, ['deploy', polite, politeImage]);

    try {
      // The old web exits on the SIGTERM; the job, due in ten minutes, sees that and ends.
      await waitFor(async () => jobsOfOld().length === 0, { timeoutMs: 90_000, intervalMs: 250, what: 'the retire job to end' });
      expect((await appContainers(polite)).find((c) => c.id === old.id)?.state).toBe('exited');
    } finally {
      for (const [pid] of jobsOfOld()) process.kill(pid, 'SIGKILL'); // only if the test failed
    }
  });
});
