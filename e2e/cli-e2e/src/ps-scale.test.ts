import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createHostApp, pierOk, psReport, statuses, tearDownApps } from './support/apps.js';
import { appContainers, buildFixtureImage, containerSummary, portOfContainer, waitForHttp } from './support/docker.js';
import { pierEnvironment, type PierEnvironment } from './support/pier.js';

// Issue #3: ps:scale up and down on the real engine; orphans are removed, only changed types move.
// Audit round 2, finding 5: the new web containers' URLs are printed, listed by `urls`/`url` and
// in ps:report (`Url web 1:`), and answer.
const app = 'e2e-scale';
const image = 'e2e-scale-img:1';
let env: PierEnvironment;

beforeAll(async () => {
  env = pierEnvironment();
  await buildFixtureImage(image, 'web-worker');
  await createHostApp(env, app, ['web=1', 'worker=1']);
  await pierOk(env, ['checks:skip', app]); // this file is about counts, not checks
  await pierOk(env, ['deploy', app, image]);
}, 60_000);
afterAll(() => tearDownApps(env, { apps: [app], images: [image] }), 60_000);

const running = (...dynos: string[]) => dynos.map((dyno) => `${app}.${dyno}:running`);

describe('ps:scale without pairs prints the formation', () => {
  it('as Dokku’s table', async () => {
    expect(await env.pier(['ps:scale', app])).toEqual({
      exitCode: 0,
      stdout: `-----> Scaling for ${app}\nproctype: qty\n--------: ---\nweb:  1\nworker: 1\n`,
      stderr: '',
    });
  });

  it('with --quiet, only the type lines', async () => {
    expect((await env.pier(['--quiet', 'ps:scale', app])).stdout).toBe('web:  1\nworker: 1\n');
  });

  it('as JSON with --format json', async () => {
    const result = await env.pier(['ps:scale', app, '--format', 'json']);

    expect(result.exitCode).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual([
      { process_type: 'web', quantity: 1 },
      { process_type: 'worker', quantity: 1 },
    ]);
  });
});

describe('ps:scale with pairs', () => {
  it('scales up: one container per instance, each web on its own port', async () => {
    const result = await env.pier(['ps:scale', app, 'web=3', 'worker=2']);

    expect(result.exitCode).toBe(0);
    expect(result.stdout.startsWith(`-----> Scaling ${app} processes: web=3 worker=2\n`)).toBe(true);
    expect(result.stdout).toContain('-----> Deploying web (count=3)\n');
    expect(result.stdout).toContain('-----> Deploying worker (count=2)\n');
    expect(await containerSummary(app)).toEqual(running('web.1', 'web.2', 'web.3', 'worker.1', 'worker.2'));
    const report = await psReport(env, app);
    expect(report).toMatchObject({ processes: '5', running: 'true' });
    expect(Object.keys(statuses(report))).toEqual(['web.1', 'web.2', 'web.3', 'worker.1', 'worker.2']);
    const webs = (await appContainers(app)).filter((c) => c.labels['com.dokku.process-type'] === 'web');
    const ports = await Promise.all(webs.map((c) => portOfContainer(c.id)));
    expect(new Set(ports).size).toBe(3);
    for (const port of ports) expect((await waitForHttp(port)).body).toBe('hello from pier\n');
    expect(JSON.parse(await pierOk(env, ['ps:scale', app, '--format', 'json']))).toEqual([
      { process_type: 'web', quantity: 3 },
      { process_type: 'worker', quantity: 2 },
    ]);
  });

  it('scales down: orphans are shut down and removed, nothing else of the app is left', async () => {
    const result = await env.pier(['ps:scale', app, 'web=1', 'worker=0']);

    expect(result.exitCode).toBe(0);
    expect(result.stdout).toContain('       Scheduling orphaned container shutdown in 0 seconds (web.2)\n');
    expect(result.stdout).toContain('       Scheduling orphaned container shutdown in 0 seconds (web.3)\n');
    expect(result.stdout).toContain('-----> Deploying worker (count=0)\n');
    // listContainers with all: true — stopped containers count too.
    expect(await containerSummary(app)).toEqual(running('web.1'));
    const report = await psReport(env, app);
    expect(report).toMatchObject({ processes: '1', running: 'true' });
    expect(Object.keys(statuses(report))).toEqual(['web.1']);
    expect((await env.pier(['ps:scale', app])).stdout.endsWith('web:  1\nworker: 0\n')).toBe(true);
  });

  it('redeploys only the types whose count changed', async () => {
    const [web] = await appContainers(app);

    const result = await env.pier(['ps:scale', app, 'web=1', 'worker=1']);

    expect(result.exitCode).toBe(0);
    expect(result.stdout).not.toContain('Deploying web');
    expect(result.stdout).toContain('-----> Deploying worker (count=1)\n');
    expect(await containerSummary(app)).toEqual(running('web.1', 'worker.1'));
    expect((await appContainers(app))[0]!.id).toBe(web!.id);
  });

  it('--skip-deploy saves the formation and starts nothing', async () => {
    const before = await appContainers(app);

    const result = await env.pier(['ps:scale', '--skip-deploy', app, 'web=2']);

    expect(result.exitCode).toBe(0);
    expect(await appContainers(app)).toEqual(before);
    expect(JSON.parse(await pierOk(env, ['ps:scale', app, '--format', 'json']))).toEqual([
      { process_type: 'web', quantity: 2 },
      { process_type: 'worker', quantity: 1 },
    ]);
    await pierOk(env, ['ps:scale', '--skip-deploy', app, 'web=1']);
  });

  it.each([
    [['nope=1'], 'nope is not a valid process name to scale up'],
    [['web'], 'Missing count for process type web'],
    [['web=many'], 'Invalid count for process type web'],
  ])('refuses %j with one line and changes nothing', async (pairs, message) => {
    const before = await appContainers(app);
    const formation = await pierOk(env, ['ps:scale', app]);

    const result = await env.pier(['ps:scale', app, ...pairs]);

    expect(result).toEqual({ exitCode: 1, stdout: '', stderr: ` !     ${message}\n` });
    expect(await appContainers(app)).toEqual(before);
    expect(await pierOk(env, ['ps:scale', app])).toBe(formation);
  });
});

describe('where the web containers answer after a scale', () => {
  it('ps:scale prints the new URLs; urls, url and ps:report list the same ones, and they answer', async () => {
    const result = await env.pier(['ps:scale', app, 'web=2']);

    expect(result.exitCode).toBe(0);
    const printed = result.stdout.split('=====> Application deployed:\n')[1]!.trim().split(/\n\s*/);
    expect(printed).toHaveLength(2);
    for (const url of printed) expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect((await pierOk(env, ['urls', app])).trim().split('\n')).toEqual(printed);
    expect(await pierOk(env, ['url', app])).toBe(`${printed[0]}\n`);
    const report = await psReport(env, app);
    expect([report['url-web.1'], report['url-web.2']]).toEqual(printed);
    expect(report['url-worker.1']).toBeUndefined();
    expect(await pierOk(env, ['ps:report', app])).toMatch(new RegExp(`^ {7}Url web 1: +${printed[0]}$`, 'm'));
    for (const url of printed) expect((await waitForHttp(Number(new URL(url).port))).body).toBe('hello from pier\n');
  });
});
