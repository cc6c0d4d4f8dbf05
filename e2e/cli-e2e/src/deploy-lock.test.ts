import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { asPierResult, createHostApp, pierOk, spawnPier, tearDownApps, webPorts } from './support/apps.js';
import { appContainers, buildFixtureImage, containerSummary, httpGet, waitFor } from './support/docker.js';
import { pierEnvironment, type PierEnvironment } from './support/pier.js';

// Issue #3 (safety): commands on one app never interleave. A second deploy fails fast naming the
// lock holder; a deploy killed part-way leaves the old containers serving and the next converges.
const app = 'e2e-lock';
const image = 'e2e-lock-img:1';
let env: PierEnvironment;

beforeAll(async () => {
  env = pierEnvironment();
  await buildFixtureImage(image, 'web-worker');
  await createHostApp(env, app, ['web=2', 'worker=1']);
  await pierOk(env, ['checks:set', '--global', 'default-wait', '2']);
}, 60_000);
afterAll(() => tearDownApps(env, { apps: [app], images: [image] }), 60_000);

const expected = [`${app}.web.1:running`, `${app}.web.2:running`, `${app}.worker.1:running`];
const lockFile = () => join(env.root, 'apps', app, '.pier-lock');
const lockMessage = (pid: number) =>
  new RegExp(`^ ! {5}App ${app} is locked by "deploy" \\(pid ${pid}, since \\d{4}-\\d\\d-\\d\\dT[0-9:.]+Z\\); try again when it finishes\\n$`);

describe('two deploys of one app at the same time', () => {
  it('exactly one succeeds; the other fails first, naming the holder; no duplicate containers', async () => {
    const order: number[] = [];
    const deploys = [0, 1].map((i) => {
      const child = spawnPier(env, ['deploy', app, image]);
      return { pid: child.pid!, done: child.then((result) => (order.push(i), asPierResult(result))) };
    });

    const results = await Promise.all(deploys.map((d) => d.done));

    const winner = results.findIndex((r) => r.exitCode === 0);
    const loser = 1 - winner;
    expect(results.map((r) => r.exitCode).sort()).toEqual([0, 1]);
    expect(results[loser]!.stdout).toBe('');
    expect(results[loser]!.stderr).toMatch(lockMessage(deploys[winner]!.pid));
    expect(order[0]).toBe(loser); // it did not wait for the winner
    expect(results[winner]!.stdout).toContain('=====> Application deployed:\n');
    expect(await containerSummary(app)).toEqual(expected);
    expect(existsSync(lockFile())).toBe(false);
    expect((await env.pier(['apps:report', app, '--app-locked'])).stdout).toBe('false\n');
  });

  it('a deploy and a ps:stop: the ps:stop is refused while the deploy holds the lock', async () => {
    const before = await appContainers(app);
    const deploy = spawnPier(env, ['deploy', app, image]);
    await waitFor(async () => existsSync(lockFile()), { what: 'the deploy to take the lock' });

    const stop = await env.pier(['ps:stop', app]);
    const deployed = asPierResult(await deploy);

    expect(stop.exitCode).toBe(1);
    expect(stop.stderr).toMatch(lockMessage(deploy.pid!));
    expect(deployed.exitCode).toBe(0);
    const after = await appContainers(app);
    expect(after.map((c) => `${c.name}:${c.state}`)).toEqual(expected);
    expect(after.filter((c) => before.some((b) => b.id === c.id))).toEqual([]);
  });
});

describe('a deploy killed part-way', () => {
  it('leaves the old containers serving; the next deploy takes over the stale lock and converges', async () => {
    const before = await appContainers(app);
    const deploy = spawnPier(env, ['deploy', app, image]);
    // Kill it while its new containers are being checked.
    await waitFor(async () => (await appContainers(app)).some((c) => c.name.includes('.upcoming-')), { what: 'an upcoming container' });
    deploy.kill('SIGKILL');
    await deploy;
    expect(existsSync(lockFile())).toBe(true);

    const live = await appContainers(app, { all: false });
    expect(before.every((b) => live.some((c) => c.id === b.id && c.name === b.name))).toBe(true);
    for (const port of Object.values(await webPorts(env, app))) expect((await httpGet(port)).status).toBe(200);

    const next = await env.pier(['deploy', app, image]);

    expect(next.exitCode).toBe(0);
    expect(await containerSummary(app)).toEqual(expected);
    const after = await appContainers(app);
    expect(after.filter((c) => before.some((b) => b.id === c.id))).toEqual([]);
    expect(existsSync(lockFile())).toBe(false);
    for (const port of Object.values(await webPorts(env, app))) expect((await httpGet(port)).body).toBe('hello from pier\n');
  });
});

describe('apps:lock', () => {
  it('stops deploys and restarts with Dokku’s message, leaving the running app alone, until apps:unlock', async () => {
    const before = await appContainers(app);
    await pierOk(env, ['apps:lock', app]);
    const refused = {
      exitCode: 1,
      stdout: '',
      stderr: ` !     ${app} currently has a deploy lock in place. Exiting...\n !     Run 'apps:unlock' to release the existing deploy lock\n`,
    };

    expect(await env.pier(['deploy', app, image])).toEqual(refused);
    expect(await env.pier(['ps:restart', app])).toEqual(refused);
    expect(await appContainers(app)).toEqual(before);
    expect((await env.pier(['apps:report', app, '--app-locked'])).stdout).toBe('true\n');

    await pierOk(env, ['apps:unlock', app]);
    const next = await env.pier(['deploy', app, image]);

    expect(next.exitCode).toBe(0);
    expect(await containerSummary(app)).toEqual(expected);
    expect((await appContainers(app)).filter((c) => before.some((b) => b.id === c.id))).toEqual([]);
  });
});
