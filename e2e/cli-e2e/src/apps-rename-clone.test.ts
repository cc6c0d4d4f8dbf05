import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { createHostApp, pierOk, psReport, tearDownApps, webPorts } from './support/apps.js';
import { appContainers, buildFixtureImage, containerSummary, waitFor, waitForHttp } from './support/docker.js';
import { noEngine, pierEnvironment, type PierEnvironment } from './support/pier.js';

// Issue #3 (apps): apps:rename moves a running app to the new name; apps:clone copies its
// settings and deploys the copy unless --skip-deploy — on the real engine. Audit round 2,
// finding 6: a clone whose redeploy fails (the engine unreachable) leaves nothing behind.
const original = 'e2e-mv-one';
const renamed = 'e2e-mv-two';
const clone = 'e2e-mv-copy';
const idleClone = 'e2e-mv-idle';
const failedClone = 'e2e-mv-fail';
const image = 'e2e-mv-img:1';
let env: PierEnvironment;

beforeAll(async () => {
  env = pierEnvironment();
  await buildFixtureImage(image, 'web-worker');
  await createHostApp(env, original, ['web=1', 'worker=1']);
  await pierOk(env, ['checks:skip', original]);
  await pierOk(env, ['deploy', original, image]);
}, 60_000);
afterAll(() => tearDownApps(env, { apps: [original, renamed, clone, idleClone, failedClone], images: [image] }), 60_000);

const running = (app: string) => [`${app}.web.1:running`, `${app}.worker.1:running`];

describe('apps:rename of a deployed app', () => {
  it('runs the app under the new name with its settings, and nothing under the old one', async () => {
    const before = await appContainers(original);

    const result = await env.pier(['apps:rename', original, renamed]);

    expect(result.exitCode).toBe(0);
    expect(result.stdout.startsWith(`-----> Renaming ${original} to ${renamed}\n`)).toBe(true);
    // The settings followed: host networking and skipped checks.
    expect(result.stdout).toContain('=====> Zero downtime checks have been skipped (web.1)\n');
    expect(await containerSummary(renamed)).toEqual(running(renamed));
    expect(await waitFor(async () => (await appContainers(original)).length === 0, { what: `no containers of ${original}` })).toBe(true);
    expect((await appContainers(renamed)).filter((c) => before.some((b) => b.id === c.id))).toEqual([]);
    expect(await waitForHttp(Object.values(await webPorts(env, renamed))[0]!)).toEqual({ status: 200, body: 'hello from pier\n' });
    expect(await psReport(env, renamed)).toMatchObject({ deployed: 'true', processes: '2', running: 'true' });
    expect((await env.pier(['apps:exists', original])).exitCode).toBe(20);
  });
});

describe('apps:clone of a deployed app', () => {
  it('deploys the copy next to the original, which is left untouched', async () => {
    const before = await appContainers(renamed);

    const result = await env.pier(['apps:clone', renamed, clone]);

    expect(result.exitCode).toBe(0);
    expect(result.stdout).toContain(`-----> Deploying ${clone} via the docker-local scheduler...\n`);
    expect(await appContainers(renamed)).toEqual(before);
    expect(await containerSummary(clone)).toEqual(running(clone));
    const [originalPort] = Object.values(await webPorts(env, renamed));
    const [clonePort] = Object.values(await webPorts(env, clone));
    expect(clonePort).not.toBe(originalPort);
    expect((await waitForHttp(clonePort!)).body).toBe('hello from pier\n');
    expect((await waitForHttp(originalPort!)).body).toBe('hello from pier\n');
    expect(JSON.parse(await pierOk(env, ['ps:scale', clone, '--format', 'json']))).toEqual([
      { process_type: 'web', quantity: 1 },
      { process_type: 'worker', quantity: 1 },
    ]);
  });

  it('with --skip-deploy copies the settings and starts nothing; ps:rebuild then deploys the remembered image', async () => {
    const result = await env.pier(['apps:clone', '--skip-deploy', renamed, idleClone]);

    expect(result).toEqual({ exitCode: 0, stdout: `-----> Cloning ${renamed} to ${idleClone}\n-----> Creating ${idleClone}...\n`, stderr: '' });
    expect(await appContainers(idleClone)).toEqual([]);
    expect((await psReport(env, idleClone)).deployed).toBe('false');
    expect((await env.pier(['scheduler-docker-local:report', idleClone, '--scheduler-docker-local-network-mode'])).stdout).toBe('host\n');

    expect((await env.pier(['ps:rebuild', idleClone])).exitCode).toBe(0);
    expect(await containerSummary(idleClone)).toEqual(running(idleClone));
  });
});

describe('apps:clone with the Docker engine unreachable', () => {
  const traces = () => [
    existsSync(join(env.root, 'apps', failedClone)),
    ...readdirSync(join(env.root, 'config')).filter((plugin) => existsSync(join(env.root, 'config', plugin, failedClone))),
  ];

  it('fails with one line and changes nothing, so that it can simply be tried again', async () => {
    const apps = await pierOk(env, ['apps:list']);

    const result = await env.pier(['apps:clone', renamed, failedClone], { env: noEngine });

    expect(result.exitCode).toBe(1);
    expect(result.stderr).toMatch(/^ !     Cannot reach the Docker engine at unix:\/\/.*\n$/);
    expect(await pierOk(env, ['apps:list'])).toBe(apps);
    expect(traces()).toEqual([false]);

    expect((await env.pier(['apps:clone', '--skip-deploy', renamed, failedClone])).exitCode).toBe(0);
  });
});
