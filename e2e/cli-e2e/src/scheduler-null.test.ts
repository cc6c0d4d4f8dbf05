import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { pierOk, psReport, statuses, tearDownApps } from './support/apps.js';
import { appContainers, buildFixtureImage } from './support/docker.js';
import { pierEnvironment, type PierEnvironment } from './support/pier.js';

// Reference §5 / issues #3 and #4: the null scheduler does nothing, on purpose, and says
// everything went well — with a real image and a real engine, no container ever appears.
// (A scheduler that lacks a capability is covered by the third-party plugin tests.)
const app = 'e2e-null';
const image = 'e2e-null-img:1';
let env: PierEnvironment;

beforeAll(async () => {
  env = pierEnvironment();
  await buildFixtureImage(image, 'web-worker');
  await pierOk(env, ['apps:create', app]);
  await pierOk(env, ['scheduler-docker-local:set', app, 'network-mode', 'host']); // in case anything did run
  await pierOk(env, ['scheduler:set', app, 'selected', 'null']);
}, 60_000);
afterAll(() => tearDownApps(env, { apps: [app], images: [image] }), 60_000);

describe('an app on the null scheduler', () => {
  it('deploy succeeds through the null scheduler and starts no container', async () => {
    const result = await env.pier(['deploy', app, image]);

    expect(result).toEqual({
      exitCode: 0,
      stdout: [
        `-----> Releasing ${app}...`,
        '=====> Processing deployment checks',
        // The null scheduler reads nothing from the image: no app.json, so no web healthchecks.
        '       No web healthchecks found in app.json. Simple container checks will be performed.',
        '       For more efficient zero downtime deployments, add healthchecks to your app.json. See https://dokku.com/docs/deployment/zero-downtime-deploys/ for examples',
        `-----> Deploying ${app} via the null scheduler...`,
        '=====> Application deployed:',
        '',
        '',
      ].join('\n'),
      stderr: '',
    });
    expect(await appContainers(app)).toEqual([]);
  });

  it('ps:report shows Deployed true, Processes 1, Running true and no Status lines', async () => {
    const report = await psReport(env, app);

    expect(report).toMatchObject({ deployed: 'true', processes: '1', running: 'true' });
    expect(statuses(report)).toEqual({});
    const text = await pierOk(env, ['ps:report', app]);
    expect(text).toContain('\n       Processes:                        1\n');
    expect(text).toContain('\n       Running:                          true\n');
    expect(text).not.toContain('Status ');
  });

  it('run, run:detached and enter are no-ops with exit 0: the command runs nowhere', async () => {
    for (const args of [
      ['run', app, 'sh', '-c', 'echo ran; exit 3'],
      ['run:detached', app, 'sleep', '300'],
      ['enter', app],
      ['enter', app, 'web', 'sh', '-c', 'echo entered; exit 4'],
    ]) {
      expect({ args, ...(await env.pier(args, { input: 'echo from stdin\n' })) }).toEqual({ args, exitCode: 0, stdout: '', stderr: '' });
    }
    expect(await appContainers(app)).toEqual([]);
  });

  it('logs (also with -t, which returns at once) and run:logs print nothing, with exit 0', async () => {
    for (const args of [['logs', app], ['logs', app, '-t'], ['logs', app, '-p', 'web', '-n', '5'], ['run:logs', app]]) {
      expect({ args, ...(await env.pier(args, { timeout: 30_000 })) }).toEqual({ args, exitCode: 0, stdout: '', stderr: '' });
    }
  });

  it('run:list prints nothing (`[]` as JSON), ps:inspect is [], logs:failed has nothing', async () => {
    // Dokku's header and table come from docker-local's hook: with the null scheduler, nothing.
    expect(await env.pier(['run:list', app])).toEqual({ exitCode: 0, stdout: '', stderr: '' });
    expect(await env.pier(['run:list', app, '--format', 'json'])).toEqual({ exitCode: 0, stdout: '[]\n', stderr: '' });
    expect(await env.pier(['ps:inspect', app])).toEqual({ exitCode: 0, stdout: '[]\n', stderr: '' });
    expect(await env.pier(['logs:failed', app])).toEqual({ exitCode: 0, stdout: `=====> ${app} failed deploy logs\n`, stderr: '' });
  });

  it.each([
    [['ps:scale', app, 'web=3']],
    [['ps:restart', app]],
    [['ps:rebuild', app]],
    [['ps:stop', app]],
    [['ps:start', app]],
    [['ps:retire', app]],
    [['run:stop', app]],
    [['run:retire', app]],
  ])('%j succeeds and starts or stops nothing', async (args) => {
    const result = await env.pier(args);

    expect(result.exitCode).toBe(0);
    expect(result.stderr).not.toMatch(/does not support|Error|error/);
    expect(await appContainers(app)).toEqual([]);
  });

  it('keeps reporting 1 true after ps:stop (nothing to stop)', async () => {
    expect(await psReport(env, app)).toMatchObject({ processes: '1', running: 'true', deployed: 'true' });
  });
});
