import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createHostApp, pierOk, psReport, tearDownApps, webPorts } from './support/apps.js';
import { appContainers, buildFixtureImage, httpGet } from './support/docker.js';
import { pierEnvironment, type PierEnvironment } from './support/pier.js';

// Issue #3, audit finding 2: an image whose Procfile lacks a type the formation still runs
// (web=1 here) skips that type, as Dokku does, and keeps its running containers: the app stays up.
// Audit round 2, finding 13: that type can then be restarted (skipped, exit 0), stopped, and
// scaled to 0, which removes its container.
const app = 'e2e-misstype';
const full = 'e2e-misstype-img:full';
const workerOnly = 'e2e-misstype-img:worker-only';
let env: PierEnvironment;

beforeAll(async () => {
  env = pierEnvironment();
  await buildFixtureImage(full, 'web-worker');
  await buildFixtureImage(workerOnly, 'worker-only');
  await createHostApp(env, app, ['web=1']);
  await pierOk(env, ['checks:skip', app]);
  await pierOk(env, ['deploy', app, full]);
}, 60_000);
afterAll(() => tearDownApps(env, { apps: [app], images: [full, workerOnly] }), 60_000);

describe('deploying an image without web over an app that runs web', () => {
  it('skips web and keeps the old web container serving', async () => {
    const web = (await appContainers(app)).find((c) => c.name === `${app}.web.1`)!;
    const [port] = Object.values(await webPorts(env, app));

    const result = await env.pier(['deploy', app, workerOnly]);

    expect(result.exitCode).toBe(0);
    expect(result.stderr).toBe(' !     Skipping web as it is missing from the current Procfile\n');
    expect(result.stdout).not.toContain('no longer defined');
    expect(result.stdout).not.toContain('Shutting down old containers');
    // The notice is about web's checks: there is no web in this image.
    expect(result.stdout).not.toContain('No web healthchecks found');
    const live = await appContainers(app, { all: false });
    expect(live.map((c) => `${c.name}:${c.id === web.id ? 'same' : 'new'}`)).toEqual([`${app}.web.1:same`]);
    expect((await httpGet(port!)).body).toContain('hello from pier');
    expect(await psReport(env, app)).toMatchObject({ processes: '1', running: 'true' });
    expect(await pierOk(env, ['--quiet', 'ps:scale', app])).toBe('web:  1\nworker: 0\n');
  });
});

describe('the type the image lacks, afterwards', () => {
  const webContainers = async () => (await appContainers(app)).filter((c) => c.name.startsWith(`${app}.web.`));

  it('ps:restart <app> web skips it with Dokku’s warning and exits 0, leaving it running', async () => {
    const before = await webContainers();

    expect(await env.pier(['ps:restart', app, 'web'])).toEqual({
      exitCode: 0,
      stdout: '',
      stderr: ' !     Skipping web as it is missing from the current Procfile\n',
    });
    expect(await webContainers()).toEqual(before);
  });

  it('ps:stop <app> web stops its container', async () => {
    const result = await env.pier(['ps:stop', app, 'web']);

    expect(result).toMatchObject({ exitCode: 0, stderr: '' });
    expect((await webContainers()).map((c) => `${c.name}:${c.state}`)).toEqual([`${app}.web.1:exited`]);
  });

  it('ps:scale <app> web=0 removes its container and takes it out of the formation', async () => {
    const result = await env.pier(['ps:scale', app, 'web=0']);

    expect(result.exitCode).toBe(0);
    expect(result.stdout).toContain('-----> Deploying web (count=0)\n');
    expect(await webContainers()).toEqual([]);
    expect(await pierOk(env, ['--quiet', 'ps:scale', app])).toBe('worker: 0\n');
  });
});
