import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { deployHostApp, pierOk, tearDownApps } from './support/apps.js';
import { appContainers, buildFixtureImage, waitFor } from './support/docker.js';
import { pierEnvironment, type PierEnvironment, type PierResult } from './support/pier.js';

// Issue #4 audit, finding 4 and §15: `pier run:retire` without an app asks every scheduler some
// app uses, not only the global one, and only touches its own state root's containers, so it is
// safe on an engine shared with other roots (here: a second PIER_ROOT with an expired container).
const app = 'e2e-runret';
const neighbour = 'e2e-runret-other';
const image = 'e2e-runret-img:1';
let env: PierEnvironment;
let other: PierEnvironment;

beforeAll(async () => {
  env = pierEnvironment();
  other = pierEnvironment();
  await buildFixtureImage(image, 'oneoff');
  for (const [root, name] of [[env, app], [other, neighbour]] as const) await deployHostApp(root, name, image, ['web=0']);
  // The global scheduler is null; the app itself runs on docker-local.
  await pierOk(env, ['scheduler:set', '--global', 'selected', 'null']);
  await pierOk(env, ['scheduler:set', app, 'selected', 'docker-local']);
}, 90_000);
afterAll(async () => {
  await tearDownApps(other, { apps: [neighbour] });
  await tearDownApps(env, { apps: [app], images: [image] });
}, 60_000);

const runNames = async (name: string) => (await appContainers(name, { extraLabels: ['com.dokku.container-type=run'] })).map((c) => c.name);

describe('run:retire without an app', () => {
  it('retires the expired one-off containers of an app whose scheduler is not the global one, and no other root’s', async () => {
    const expired = (await pierOk(env, ['run:detached', '--ttl-seconds', '0', app, 'sleep', '300'])).trim();
    const theirs = (await pierOk(other, ['run:detached', '--ttl-seconds', '0', neighbour, 'sleep', '300'])).trim();

    // A deadline of 0 seconds has passed once the clock moved on by a second: sweep until then,
    // keeping every sweep's result to check afterwards (a waitFor probe that throws is retried).
    const sweeps: PierResult[] = [];
    await waitFor(
      async () => {
        sweeps.push(await env.pier(['run:retire']));
        return !(await runNames(app)).includes(expired);
      },
      { timeoutMs: 20_000, intervalMs: 500, what: `the global run:retire to remove ${expired}` },
    );

    for (const sweep of sweeps) {
      expect(sweep).toMatchObject({ exitCode: 0, stdout: expect.stringMatching(/^-----> Retiring all run and cron containers\n/), stderr: '' });
    }
    expect(await runNames(neighbour)).toEqual([theirs]);
  });
});
