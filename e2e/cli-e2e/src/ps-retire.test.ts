import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createHostApp, pierOk, tearDownApps } from './support/apps.js';
import { appContainers, buildFixtureImage, waitFor, type AppContainer } from './support/docker.js';
import { pierEnvironment, type PierEnvironment } from './support/pier.js';

// Issue #3: replaced containers get SIGTERM, are recorded with the time after which they may
// go (wait-to-retire), and `pier ps:retire` stops and removes them: nothing of them is left.
const app = 'e2e-retire';
const image = 'e2e-retire-img:1';
let env: PierEnvironment;

beforeAll(async () => {
  env = pierEnvironment();
  await buildFixtureImage(image, 'web-worker');
  await createHostApp(env, app, ['web=2', 'worker=1'], '1');
  await pierOk(env, ['checks:skip', app]); // this file is about retirement, not checks
  await pierOk(env, ['deploy', app, image]);
}, 60_000);
afterAll(() => tearDownApps(env, { apps: [app], images: [image] }), 60_000);

const liveNames = () => [`${app}.web.1`, `${app}.web.2`, `${app}.worker.1`];
const deadContainers = () => {
  try {
    return readFileSync(join(env.root, 'data', 'scheduler-docker-local', 'dead-containers'), 'utf8');
  } catch {
    return '';
  }
};
const byId = (containers: AppContainer[], ids: string[]) => containers.filter((c) => ids.includes(c.id));

/** Runs ps:retire until none of `ids` is left on the engine (listContainers all: true). */
async function retireUntilGone(ids: string[]): Promise<string> {
  let output = '';
  await waitFor(
    async () => {
      output += await pierOk(env, ['ps:retire', app]);
      return byId(await appContainers(app), ids).length === 0;
    },
    { timeoutMs: 30_000, intervalMs: 500, what: 'ps:retire to remove the replaced containers' },
  );
  return output;
}

describe('retiring replaced containers', () => {
  it('a redeploy records the old containers; ps:retire removes every one of them once wait-to-retire has passed', async () => {
    const old = await appContainers(app);
    expect(old.map((c) => c.name)).toEqual(liveNames());

    const deploy = await env.pier(['deploy', app, image]);

    expect(deploy.exitCode).toBe(0);
    expect(deploy.stdout).toContain('-----> Shutting down old containers in 1 seconds\n');
    const oldIds = old.map((c) => c.id);
    // Still there, renamed away from the live names, and listed for retirement.
    const leftovers = byId(await appContainers(app), oldIds);
    expect(leftovers).toHaveLength(3);
    for (const c of leftovers) expect(c.name).toMatch(new RegExp(`^${app}\\.(web|worker)\\.\\d+\\.\\d+$`));
    for (const id of oldIds) expect(deadContainers()).toMatch(new RegExp(`^${app} ${id} \\d+$`, 'm'));
    // They got SIGTERM right away (Dokku's behaviour): they exit without waiting for ps:retire.
    await waitFor(async () => byId(await appContainers(app), oldIds).every((c) => c.state === 'exited'), { what: 'old containers to exit' });
    const live = await appContainers(app, { all: false });
    expect(live.map((c) => c.name)).toEqual(liveNames());

    const output = await retireUntilGone(oldIds);

    expect(output).toContain('-----> Retiring old containers and images\n');
    for (const id of oldIds) expect(output).toContain(`       Attempting to retire ${app} container ${id}\n`);
    expect(deadContainers()).not.toContain(app);
    expect(await appContainers(app)).toEqual(live);
  });

  it('containers orphaned by a scale-down are retired the same way', async () => {
    const web2 = (await appContainers(app)).find((c) => c.name === `${app}.web.2`)!;

    const scale = await env.pier(['ps:scale', app, 'web=1']);

    expect(scale.exitCode).toBe(0);
    expect(scale.stdout).toContain('       Scheduling orphaned container shutdown in 1 seconds (web.2)\n');
    expect(deadContainers()).toContain(web2.id);
    await retireUntilGone([web2.id]);
    expect((await appContainers(app)).map((c) => `${c.name}:${c.state}`)).toEqual([`${app}.web.1:running`, `${app}.worker.1:running`]);
  });

  it('ps:retire keeps containers whose time has not come, and running it again with nothing due is harmless', async () => {
    await pierOk(env, ['checks:set', app, 'wait-to-retire', '600']);
    const old = await appContainers(app);
    await pierOk(env, ['ps:restart', app]);

    const first = await env.pier(['ps:retire', app]);
    const second = await env.pier(['ps:retire']);

    for (const result of [first, second]) {
      expect(result.exitCode).toBe(0);
      expect(result.stdout).not.toContain('Attempting to retire');
    }
    expect(byId(await appContainers(app), old.map((c) => c.id))).toHaveLength(2);
    const due = old.map((c) => Number(new RegExp(`^${app} ${c.id} (\\d+)$`, 'm').exec(deadContainers())?.[1]));
    for (const at of due) expect(at).toBeGreaterThan(Date.now() / 1000 + 300);
    // afterAll's apps:destroy must remove these too: tearDownApps asserts nothing is left.
  });
});
