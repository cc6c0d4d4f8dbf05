import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createHostApp, pierOk, psInspect, psReport, statuses, tearDownApps, webPorts } from './support/apps.js';
import { appContainers, buildFixtureImage, httpGet, waitForHttp } from './support/docker.js';
import { pierEnvironment, type PierEnvironment } from './support/pier.js';

// Issue #3: ps:stop / ps:start / ps:restart of one type and of the whole app, and ps:rebuild.
const app = 'e2e-pslife';
const image = 'e2e-pslife-img:1';
const idle = 'e2e-pslife-idle';
let env: PierEnvironment;

beforeAll(async () => {
  env = pierEnvironment();
  await buildFixtureImage(image, 'web-worker');
  await createHostApp(env, app, ['web=1', 'worker=1']);
  await pierOk(env, ['checks:set', '--global', 'default-wait', '1']);
  await pierOk(env, ['deploy', app, image]);
  await pierOk(env, ['apps:create', idle]);
}, 60_000);
afterAll(() => tearDownApps(env, { apps: [app, idle], images: [image] }), 60_000);

/** dyno → `<state> <cid>` from ps:report. */
const dynos = async () => Object.fromEntries(Object.entries(statuses(await psReport(env, app))).map(([dyno, s]) => [dyno, `${s.state} ${s.cid}`]));
const ids = async () => Object.fromEntries((await appContainers(app)).map((c) => [c.name, c.id]));

describe('one process type', () => {
  it('ps:stop <app> worker stops the workers only', async () => {
    const before = await dynos();

    const result = await env.pier(['ps:stop', app, 'worker']);

    expect(result).toEqual({ exitCode: 0, stdout: `-----> Stopping ${app} (worker)\n`, stderr: '' });
    const after = await dynos();
    expect(after['web.1']).toBe(before['web.1']);
    expect(after['worker.1']).toBe(before['worker.1']!.replace('running', 'exited'));
    expect((await psReport(env, app)).running).toBe('mixed');
    expect((await appContainers(app)).map((c) => `${c.name}:${c.state}`)).toEqual([`${app}.web.1:running`, `${app}.worker.1:exited`]);
  });

  it('ps:start releases an app running in mixed mode', async () => {
    const result = await env.pier(['ps:start', app]);

    expect(result.exitCode).toBe(0);
    expect(result.stderr).toBe(' !     App is running in mixed mode, releasing\n');
    expect(result.stdout).toContain('=====> Application deployed:\n');
    expect((await appContainers(app)).map((c) => `${c.name}:${c.state}`)).toEqual([`${app}.web.1:running`, `${app}.worker.1:running`]);
    expect((await psReport(env, app)).running).toBe('true');
  });

  it('ps:start of a running app changes nothing', async () => {
    const before = await ids();

    const result = await env.pier(['ps:start', app]);

    expect(result).toEqual({ exitCode: 0, stdout: '', stderr: ` !     App ${app} already running\n` });
    expect(await ids()).toEqual(before);
  });

  it('ps:restart <app> web replaces the web container only', async () => {
    const before = await ids();

    const result = await env.pier(['ps:restart', app, 'web']);

    expect(result.exitCode).toBe(0);
    expect(result.stdout).toContain('-----> Deploying web (count=1)\n');
    expect(result.stdout).not.toContain('Deploying worker');
    const after = await ids();
    expect(Object.keys(after)).toEqual([`${app}.web.1`, `${app}.worker.1`]);
    expect(after[`${app}.web.1`]).not.toBe(before[`${app}.web.1`]);
    expect(after[`${app}.worker.1`]).toBe(before[`${app}.worker.1`]);
    expect(await httpGet(Object.values(await webPorts(env, app))[0]!)).toEqual({ status: 200, body: 'hello from pier\n' });
  });
});

describe('the whole app', () => {
  it('ps:restart <app> gives every process a new container', async () => {
    const before = await ids();

    const result = await env.pier(['ps:restart', app]);

    expect(result.exitCode).toBe(0);
    // The new web container's port, as a deploy would print it.
    expect(result.stdout.endsWith(`=====> Application deployed:\n       ${(await pierOk(env, ['url', app])).trim()}\n\n`)).toBe(true);
    const after = await ids();
    expect(Object.keys(after)).toEqual(Object.keys(before));
    for (const name of Object.keys(before)) expect(after[name]).not.toBe(before[name]);
    expect(Object.values(await dynos()).every((value) => value.startsWith('running '))).toBe(true);
  });

  it('ps:stop <app> stops every container (kept, not removed) and the web port goes quiet', async () => {
    const port = Object.values(await webPorts(env, app))[0]!;
    const before = await ids();

    const result = await env.pier(['ps:stop', app]);

    expect(result).toEqual({ exitCode: 0, stdout: `-----> Stopping ${app}\n`, stderr: '' });
    expect(await ids()).toEqual(before);
    expect((await appContainers(app)).map((c) => c.state)).toEqual(['exited', 'exited']);
    expect(await psReport(env, app)).toMatchObject({ running: 'false', restore: 'false', deployed: 'true' });
    await expect(httpGet(port, '/', 1_000)).rejects.toThrow();
  });

  it('ps:start after ps:stop starts new containers', async () => {
    const before = await ids();

    const result = await env.pier(['ps:start', app]);

    expect(result.exitCode).toBe(0);
    expect(result.stderr).toBe(' !     App has been detected as not running, releasing\n');
    const after = await appContainers(app);
    expect(after.map((c) => `${c.name}:${c.state}`)).toEqual([`${app}.web.1:running`, `${app}.worker.1:running`]);
    for (const c of after) expect(c.id).not.toBe(before[c.name]);
    expect(await psReport(env, app)).toMatchObject({ running: 'true', restore: 'true' });
  });

  it('ps:rebuild reads the image again: a retagged image with another Procfile is rolled out', async () => {
    const before = await ids();
    await buildFixtureImage(image, 'chatty'); // same tag, new Procfile and content

    const result = await env.pier(['ps:rebuild', app]);

    expect(result.exitCode).toBe(0);
    expect(result.stdout).toContain('=====> Application deployed:\n');
    const after = await ids();
    expect(Object.keys(after)).toEqual([`${app}.web.1`, `${app}.worker.1`]);
    for (const name of Object.keys(after)) expect(after[name]).not.toBe(before[name]);
    const commands = (await psInspect(env, app)).map((doc) => (doc as unknown as { Config: { Cmd: string[] } }).Config.Cmd.join(' '));
    expect(commands[0]).toMatch(/^sh -c echo "web \$DYNO says hello"/);
    expect(commands[1]).toMatch(/^sh -c for i in 1 2 3 4 5/);
    expect(await waitForHttp(Object.values(await webPorts(env, app))[0]!)).toEqual({ status: 200, body: 'hello from chatty\n' });
  });
});

describe('an app that was never deployed', () => {
  it.each([['ps:stop'], ['ps:start'], ['ps:restart'], ['ps:rebuild']])('%s warns and exits 0', async (command) => {
    const result = await env.pier([command, idle]);

    expect(result.exitCode).toBe(0);
    expect(result.stderr).toBe(` !     App ${idle} has not been deployed\n`);
    expect(await appContainers(idle)).toEqual([]);
  });
});
