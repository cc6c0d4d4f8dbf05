import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import { asPierResult, createHostApp, pierOk, spawnPier, tearDownApps, webPorts } from './support/apps.js';
import { appContainers, buildFixtureImage, httpGet, waitFor } from './support/docker.js';
import { pierEnvironment, type PierEnvironment } from './support/pier.js';

// Issue #3, audit finding 4: Ctrl-C (or a supervisor's SIGTERM) during a deploy. The deploy is
// interrupted while its new web container sits in a 60-second uptime check: the new container
// is stopped and recorded (logs:failed, retirement), the old one keeps serving, and pier exits
// as a shell reports the signal.
const app = 'e2e-intr';
const image = 'e2e-intr-img:1';
let env: PierEnvironment;
const deploys: { kill(signal: NodeJS.Signals): boolean }[] = [];

beforeAll(async () => {
  env = pierEnvironment();
  await buildFixtureImage(image, 'chatty');
  await createHostApp(env, app, ['web=1']);
  await pierOk(env, ['checks:skip', app]);
  await pierOk(env, ['deploy', app, image]);
  // From now on a deploy waits in web.1's default uptime check long enough to be interrupted.
  await pierOk(env, ['checks:enable', app]);
  await pierOk(env, ['checks:set', '--global', 'default-wait', '60']);
}, 60_000);
afterEach(() => {
  for (const deploy of deploys.splice(0)) deploy.kill('SIGKILL'); // a failed test must not leave a deploy running
});
afterAll(() => tearDownApps(env, { apps: [app], images: [image] }), 60_000);

const failedContainers = () => readFileSync(join(env.root, 'data', 'scheduler-docker-local', app, 'failed-containers'), 'utf8');
const deadContainers = () => readFileSync(join(env.root, 'data', 'scheduler-docker-local', 'dead-containers'), 'utf8');

describe('interrupting a deploy', () => {
  it.each([
    ['SIGINT', 130],
    ['SIGTERM', 143],
  ] as const)('%s: stops and records the new container, keeps the old one serving, exits %i', async (signal, status) => {
    const old = (await appContainers(app)).find((c) => c.name === `${app}.web.1`)!;
    const [port] = Object.values(await webPorts(env, app));
    const deploy = spawnPier(env, ['deploy', app, image]);
    deploys.push(deploy);
    let output = '';
    deploy.stdout!.on('data', (chunk: Buffer) => void (output += chunk.toString()));
    await waitFor(async () => output.includes('Attempting pre-flight checks (web.1)'), { timeoutMs: 60_000, what: 'the checks of the new web.1' });

    deploy.kill(signal);
    const result = asPierResult(await deploy);

    expect(result.exitCode).toBe(status);
    expect(result.stderr).toContain(` !     Deploy interrupted by ${signal}: the new containers were stopped (see logs:failed); the previous ones keep running\n`);
    expect(result.stdout).not.toMatch(/Renaming containers|Application deployed/);
    const upcoming = (await appContainers(app)).filter((c) => c.name.startsWith(`${app}.web.1.upcoming-`));
    expect(upcoming.map((c) => c.state)).toEqual(['exited']);
    expect(failedContainers()).toContain(`${upcoming[0]!.id} web.1\n`);
    expect(deadContainers()).toContain(`${app} ${upcoming[0]!.id} `);
    expect((await pierOk(env, ['logs:failed', app]))).toContain(`web web.1 says hello`);
    const live = (await appContainers(app)).find((c) => c.name === `${app}.web.1`)!;
    expect({ id: live.id, state: live.state }).toEqual({ id: old.id, state: 'running' });
    expect((await httpGet(port!)).status).toBe(200);
  });
});
