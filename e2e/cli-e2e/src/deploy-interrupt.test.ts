import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import { asPierResult, createHostApp, pierOk, tearDownApps, webPorts } from './support/apps.js';
import { appContainers, buildFixtureImage, docker, httpGet } from './support/docker.js';
import { pierEnvironment, type PierEnvironment } from './support/pier.js';
import { watchedPier } from './support/shell.js';

// Issue #3, audit finding 4: Ctrl-C (or a supervisor's SIGTERM) during a deploy. The deploy is
// interrupted while its new web container sits in a 60-second uptime check: the new container
// is stopped and recorded (logs:failed, retirement), the old one keeps serving, and pier exits
// as a shell reports the signal. Audit round 2: a second Ctrl-C during that clean-up kills the
// new containers (finding 12), and Ctrl-C during `ps:restart --all` starts no further app (2).
// An image-info container left by a pier killed outright goes with the app's next deploy (4).
const app = 'e2e-intr';
const image = 'e2e-intr-img:1';
/** Its web ignores SIGTERM: stopping it takes the whole stop timeout, unless it is killed. */
const stubborn = 'e2e-intr-st';
const stubbornImage = 'e2e-intr-img:st';
/** Only there to be left alone by an interrupted `ps:restart --all`. */
const bystander = 'e2e-intr-by';
let env: PierEnvironment;
const deploys: { kill(signal: NodeJS.Signals): boolean }[] = [];

beforeAll(async () => {
  env = pierEnvironment();
  await buildFixtureImage(image, 'chatty');
  await buildFixtureImage(stubbornImage, 'ignores-term');
  for (const [name, tag] of [
    [app, image],
    [bystander, image],
    [stubborn, stubbornImage],
  ] as const) {
    await createHostApp(env, name, ['web=1']);
    await pierOk(env, ['checks:skip', name]);
    await pierOk(env, ['deploy', name, tag]);
    // From now on a deploy waits in web.1's default uptime check long enough to be interrupted.
    await pierOk(env, ['checks:enable', name]);
  }
  await pierOk(env, ['checks:set', '--global', 'default-wait', '60']);
}, 90_000);
afterEach(() => {
  for (const deploy of deploys.splice(0)) deploy.kill('SIGKILL'); // a failed test must not leave a deploy running
});
afterAll(() => tearDownApps(env, { apps: [app, bystander, stubborn], images: [image, stubbornImage] }), 60_000);

/** A pier left running (killed after the test should it fail), with what it printed so far. */
const running = (args: string[]) => watchedPier(env, args, deploys);

const failedContainers = () => readFileSync(join(env.root, 'data', 'scheduler-docker-local', app, 'failed-containers'), 'utf8');
const deadContainers = () => readFileSync(join(env.root, 'data', 'scheduler-docker-local', 'dead-containers'), 'utf8');

describe('interrupting a deploy', () => {
  it.each([
    ['SIGINT', 130],
    ['SIGTERM', 143],
  ] as const)('%s: stops and records the new container, keeps the old one serving, exits %i', async (signal, status) => {
    const old = (await appContainers(app)).find((c) => c.name === `${app}.web.1`)!;
    const [port] = Object.values(await webPorts(env, app));
    const deploy = running(['deploy', app, image]);
    await deploy.printed('Attempting pre-flight checks (web.1)', 'the checks of the new web.1');

    deploy.child.kill(signal);
    const result = asPierResult(await deploy.child);

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

  it('a second Ctrl-C while it stops the new containers kills them instead, saying so', async () => {
    const deploy = running(['deploy', stubborn, stubbornImage]);
    await deploy.printed('Attempting pre-flight checks (web.1)', 'the checks of the new web.1');
    deploy.child.kill('SIGINT');
    // Its web ignores SIGTERM: without a second Ctrl-C this stop would take the whole stop timeout.
    await deploy.printed('of the interrupted deploy', 'the new container being stopped');

    deploy.child.kill('SIGINT');
    const result = asPierResult(await deploy.child);

    expect(result.exitCode).toBe(130);
    expect(result.stderr).toContain(' !     SIGINT received again: killing the containers of the interrupted deploy\n');
    const upcoming = (await appContainers(stubborn)).filter((c) => c.name.startsWith(`${stubborn}.web.1.upcoming-`));
    expect(upcoming.map((c) => c.state)).toEqual(['exited']);
    expect((await appContainers(stubborn)).find((c) => c.name === `${stubborn}.web.1`)?.state).toBe('running');
  });
});

describe('interrupting ps:restart --all', () => {
  it('ends with the app it was restarting: the others are not touched, and it exits 130', async () => {
    const before = await Promise.all([bystander, stubborn].map(async (name) => (await appContainers(name)).map((c) => c.id)));
    // Apps run in name order: e2e-intr first, whose deploy waits in its uptime check.
    const restart = running(['ps:restart', '--all']);
    await restart.printed('Attempting pre-flight checks (web.1)', `the checks of ${app}'s new web.1`);

    restart.child.kill('SIGINT');
    const result = asPierResult(await restart.child);

    expect(result.exitCode).toBe(130);
    expect(result.stdout).not.toContain(`Running restart against app ${bystander}`);
    expect(result.stderr).toContain(` !     restart interrupted by SIGINT; not run against ${bystander}, ${stubborn}\n`);
    const after = await Promise.all([bystander, stubborn].map(async (name) => (await appContainers(name)).map((c) => c.id)));
    expect(after).toEqual(before);
  });
});

describe('an image-info container left behind by a pier killed while it read the image', () => {
  it('is removed by the app’s next deploy', async () => {
    const leftover = await docker.createContainer({
      name: `pier-image-info.${bystander}.0badc0de`,
      Image: image,
      Cmd: ['/pier-image-info'],
      Labels: { 'com.dokku.app-name': bystander, 'com.dokku.container-type': 'image-info', 'com.pier.root': env.root },
      HostConfig: { NetworkMode: 'none' },
    });
    await pierOk(env, ['checks:skip', bystander]);

    const output = await pierOk(env, ['deploy', bystander, image]);

    expect(output).toContain(`Removing stale container pier-image-info.${bystander}.0badc0de (${leftover.id.slice(0, 12)})`);
    expect((await appContainers(bystander)).map((c) => c.name)).not.toContain(`pier-image-info.${bystander}.0badc0de`);
  });
});
