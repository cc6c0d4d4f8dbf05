import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createHostApp, pierOk, tearDownApps } from './support/apps.js';
import { appContainers, buildFixtureImage, containerSummary, waitFor } from './support/docker.js';
import { pierEnvironment, type PierEnvironment } from './support/pier.js';

// Issue #3: apps:destroy removes every container of the app — live, stopped, waiting for
// retirement, left by a failed deploy, one-off — and nothing of any other app.
const app = 'e2e-destroy';
const neighbour = 'e2e-destroy-keep';
const good = 'e2e-destroy-img:good';
const failing = 'e2e-destroy-img:failing';
let env: PierEnvironment;

beforeAll(async () => {
  env = pierEnvironment();
  await buildFixtureImage(good, 'web-worker');
  await buildFixtureImage(failing, 'failing');
  await pierOk(env, ['checks:set', '--global', 'default-wait', '1']);
  for (const name of [app, neighbour]) {
    await createHostApp(env, name, ['web=1', 'worker=1'], '600');
    await pierOk(env, ['deploy', name, good]);
  }
}, 90_000);
afterAll(() => tearDownApps(env, { apps: [app, neighbour], images: [good, failing] }), 60_000);

const deadContainers = () => {
  const path = join(env.root, 'data', 'scheduler-docker-local', 'dead-containers');
  return existsSync(path) ? readFileSync(path, 'utf8') : '';
};

describe('apps:destroy', () => {
  it('starts from an app with containers in every kind of state', async () => {
    await pierOk(env, ['deploy', app, good]); // the first containers now wait 600 s for retirement
    expect((await env.pier(['deploy', app, failing])).exitCode).toBe(1); // a failed upcoming container
    const detached = (await pierOk(env, ['run:detached', app, 'sleep', '300'])).trim();
    await pierOk(env, ['ps:stop', app, 'worker']);

    const containers = await appContainers(app);
    const kinds = containers.map((c) => c.name.replace(/\.\d{6,}$/, '.<epoch>').replace(/upcoming-\d+$/, 'upcoming-<n>').replace(/\.run\.\d+$/, '.run.<n>'));
    expect(kinds.sort()).toEqual(
      [
        `${app}.run.<n>`,
        `${app}.web.1`,
        `${app}.web.1.<epoch>`,
        `${app}.web.1.upcoming-<n>`,
        `${app}.worker.1`,
        `${app}.worker.1.<epoch>`,
      ].sort(),
    );
    expect(detached).toMatch(new RegExp(`^${app}\\.run\\.\\d+$`));
    expect(new Set(containers.map((c) => c.state))).toEqual(new Set(['running', 'exited']));
    expect(deadContainers()).toContain(`${app} `);
  });

  it('removes every container of the app, its retire entries and its state, and nothing of another app', async () => {
    const neighbourBefore = await appContainers(neighbour);

    const result = await env.pier(['--force', 'apps:destroy', app]);

    expect(result.exitCode).toBe(0);
    expect(result.stderr).toBe('');
    expect(result.stdout.startsWith(`-----> Destroying ${app} (including all add-ons)\n`)).toBe(true);
    expect(await waitFor(async () => (await appContainers(app)).length === 0, { what: `no containers of ${app}` })).toBe(true);
    expect(deadContainers()).not.toContain(`${app} `);
    expect(existsSync(join(env.root, 'apps', app))).toBe(false);
    expect(existsSync(join(env.root, 'data', 'scheduler-docker-local', app))).toBe(false);
    expect(await env.pier(['apps:exists', app])).toEqual({ exitCode: 20, stdout: '', stderr: ` !     App ${app} does not exist\n` });
    expect(await appContainers(neighbour)).toEqual(neighbourBefore);
    expect(await containerSummary(neighbour)).toEqual([`${neighbour}.web.1:running`, `${neighbour}.worker.1:running`]);
  });

  it('a destroyed app can be created and deployed again under the same name, from scratch', async () => {
    await createHostApp(env, app, ['web=1']);

    const result = await env.pier(['deploy', app, good]);

    expect(result.exitCode).toBe(0);
    expect(result.stdout).not.toContain('Scheduling old container shutdown');
    expect(await containerSummary(app)).toEqual([`${app}.web.1:running`]);
  });
});
