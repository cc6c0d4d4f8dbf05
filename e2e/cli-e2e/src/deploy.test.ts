import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createHostApp, pierOk, psReport, spawnPier, statuses, tearDownApps, webPorts } from './support/apps.js';
import { appContainers, buildFixtureImage, docker, httpGet, portOfContainer } from './support/docker.js';
import { pierEnvironment, type PierEnvironment } from './support/pier.js';

// Issue #3: `pier deploy <app> <image>` on the real engine, web=2 worker=1 in host network mode.
const app = 'e2e-deploy';
const image = 'e2e-deploy-img:1';
const badProcfileImage = 'e2e-deploy-img:bad-procfile';
const badQuotingImage = 'e2e-deploy-img:bad-quoting';
let env: PierEnvironment;

beforeAll(async () => {
  env = pierEnvironment();
  await buildFixtureImage(image, 'web-worker');
  await buildFixtureImage(badProcfileImage, 'bad-procfile');
  await buildFixtureImage(badQuotingImage, 'bad-quoting');
  await createHostApp(env, app, ['web=2', 'worker=1']);
  // The worker has no healthchecks: its default uptime check waits default-wait seconds.
  await pierOk(env, ['checks:set', '--global', 'default-wait', '1']);
}, 60_000);
afterAll(() => tearDownApps(env, { apps: [app], images: [image, badProcfileImage, badQuotingImage] }), 60_000);

/** Each pattern matches a whole line, in this order (other lines may come between). */
function expectLinesInOrder(output: string, patterns: (string | RegExp)[]): void {
  const lines = output.split('\n');
  let at = 0;
  for (const pattern of patterns) {
    const found = lines.findIndex((line, index) => index >= at && (typeof pattern === 'string' ? line === pattern : pattern.test(line)));
    if (found < 0) throw new Error(`no line ${String(pattern)} after line ${at} in:\n${output}`);
    at = found + 1;
  }
}

const snapshot = async () => (await appContainers(app)).map((c) => `${c.name} ${c.id} ${c.state}`);

describe('pier deploy on docker-local', () => {
  it('deploys web=2 then worker=1 with Dokku’s output lines', async () => {
    const result = await env.pier(['deploy', app, image]);

    expect(result.stderr).toBe('');
    expect(result.exitCode).toBe(0);
    expectLinesInOrder(result.stdout, [
      `-----> Releasing ${app}...`,
      '=====> Processing deployment checks',
      `-----> Deploying ${app} via the docker-local scheduler...`,
      '-----> Deploying web (count=2)',
      '       Attempting pre-flight checks (web.1)',
      "       Healthcheck succeeded name='web check'",
      '       All checks successful (web.1)',
      '       Attempting pre-flight checks (web.2)',
      '       All checks successful (web.2)',
      '-----> Deploying worker (count=1)',
      '       Attempting pre-flight checks (worker.1)',
      '       All checks successful (worker.1)',
      '-----> Running post-deploy',
      '-----> Renaming containers',
      new RegExp(`^ {7}Renaming container ${app}\\.web\\.1\\.upcoming-\\d+ \\([0-9a-f]{12}\\) to ${app}\\.web\\.1$`),
      new RegExp(`^ {7}Renaming container ${app}\\.web\\.2\\.upcoming-\\d+ \\([0-9a-f]{12}\\) to ${app}\\.web\\.2$`),
      new RegExp(`^ {7}Renaming container ${app}\\.worker\\.1\\.upcoming-\\d+ \\([0-9a-f]{12}\\) to ${app}\\.worker\\.1$`),
    ]);
    // app.json has a web healthcheck: no "No web healthchecks found" notice.
    expect(result.stdout).not.toContain('No web healthchecks');
    // Host mode: each web container answers on its own loopback port, listed as the app's URLs.
    const ports = await webPorts(env, app);
    expect(result.stdout.endsWith(`=====> Application deployed:\n       http://127.0.0.1:${ports['web.1']}\n       http://127.0.0.1:${ports['web.2']}\n\n`)).toBe(true);

    const containers = await appContainers(app);
    expect(containers.map((c) => `${c.name}:${c.state}`)).toEqual([`${app}.web.1:running`, `${app}.web.2:running`, `${app}.worker.1:running`]);
    expect(containers.map((c) => c.labels['com.dokku.dyno'])).toEqual(['web.1', 'web.2', 'worker.1']);
    expect(containers.every((c) => c.labels['com.dokku.container-type'] === 'deploy')).toBe(true);
    // Dokku's --env=PORT=<port or empty>: the worker gets an empty PORT.
    const worker = await docker.getContainer(containers[2]!.id).inspect();
    expect(worker.Config.Env).toContain('PORT=');
  });

  it('ps:report shows Deployed, Processes, Running and one Status line per container', async () => {
    const containers = await appContainers(app);
    const cid = (name: string) => containers.find((c) => c.name === `${app}.${name}`)!.id.slice(0, 11);

    const text = await pierOk(env, ['ps:report', app]);
    expect(text.startsWith(`=====> ${app} ps information\n`)).toBe(true);
    for (const line of [
      '       Deployed:                         true',
      '       Processes:                        3',
      '       Running:                          true',
      `       Status web 1:                     running (CID: ${cid('web.1')})`,
      `       Status web 2:                     running (CID: ${cid('web.2')})`,
      `       Status worker 1:                  running (CID: ${cid('worker.1')})`,
    ]) {
      expect(text.split('\n')).toContain(line);
    }
    const json = await psReport(env, app);
    expect(json).toMatchObject({ deployed: 'true', processes: '3', running: 'true', 'ps-computed-restart-policy': 'on-failure:10' });
    expect(Object.keys(statuses(json))).toEqual(['web.1', 'web.2', 'worker.1']);
  });

  it('each web container answers on its own loopback port, the one ps:inspect shows', async () => {
    const ports = await webPorts(env, app);

    expect(Object.keys(ports)).toEqual(['web.1', 'web.2']);
    expect(ports['web.1']).not.toBe(ports['web.2']);
    for (const [dyno, port] of Object.entries(ports)) {
      const container = (await appContainers(app)).find((c) => c.name === `${app}.${dyno}`)!;
      expect(await portOfContainer(container.id)).toBe(port);
      expect(await httpGet(port)).toEqual({ status: 200, body: 'hello from pier\n' });
    }
  });

  it('redeploys without downtime: while the deploy runs, a web container answers at every poll', async () => {
    const before = await appContainers(app);
    const portsById = new Map<string, number>();
    const ticks: { ok: number; tried: number }[] = [];

    const deploy = spawnPier(env, ['deploy', app, image]);
    let finished = false;
    void deploy.finally(() => (finished = true));
    while (!finished) {
      // Every running web container of the app (old, upcoming and new), each on its own port.
      const web = await appContainers(app, { all: false, extraLabels: ['com.dokku.process-type=web'] });
      const ports = await Promise.all(
        web.map(async (c) => portsById.get(c.id) ?? portsById.set(c.id, await portOfContainer(c.id).catch(() => 0)).get(c.id)!),
      );
      const answers = await Promise.all(ports.filter((p) => p > 0).map((port) => httpGet(port, '/', 1_000).catch(() => null)));
      ticks.push({ ok: answers.filter((a) => a?.status === 200 && a.body === 'hello from pier\n').length, tried: answers.length });
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    const result = await deploy;

    expect(result.exitCode).toBe(0);
    expect(ticks.length).toBeGreaterThan(5);
    expect(ticks.filter((tick) => tick.ok === 0)).toEqual([]);
    // The new containers serve and the old ones are gone (wait-to-retire 0).
    const after = await appContainers(app);
    expect(after.map((c) => `${c.name}:${c.state}`)).toEqual([`${app}.web.1:running`, `${app}.web.2:running`, `${app}.worker.1:running`]);
    expect(after.filter((c) => before.some((b) => b.id === c.id))).toEqual([]);
    for (const port of Object.values(await webPorts(env, app))) expect((await httpGet(port)).body).toBe('hello from pier\n');
    // Containers of the new deploy were seen answering during the deploy, not only after it.
    expect(after.filter((c) => c.labels['com.dokku.process-type'] === 'web').every((c) => portsById.has(c.id))).toBe(true);
  });
});

describe('bad input changes nothing', () => {
  it.each([
    ['a missing image', [app, 'e2e-deploy-img:missing'], 1, ' !     Image e2e-deploy-img:missing not found\n'],
    ['no image', [app], 1, ' !     Please specify an image to deploy\n'],
    ['an unknown app', ['e2e-deploy-nope', image], 20, ' !     App e2e-deploy-nope does not exist\n'],
    ['an invalid app name', ['E2E_Bad!', image], 1, null],
  ] as const)('deploy with %s: one line on stderr, non-zero exit, containers untouched', async (_case, args, exitCode, stderr) => {
    const before = await snapshot();
    const report = await psReport(env, app);

    const result = await env.pier(['deploy', ...args]);

    expect(result.exitCode).toBe(exitCode);
    expect(result.stdout).toBe('');
    if (stderr) expect(result.stderr).toBe(stderr);
    else expect(result.stderr).toMatch(/^ ! {5}\S.*\n$/);
    expect(await snapshot()).toEqual(before);
    expect(await psReport(env, app)).toEqual(report);
  });

  it('deploy with an unreachable Docker engine: one line naming it, non-zero exit, containers and settings untouched', async () => {
    const before = await snapshot();
    const report = await psReport(env, app);
    const scale = await pierOk(env, ['ps:scale', app]);

    // Port 1 on loopback: nothing listens there (only loopback traffic, ever).
    const result = await env.pier(['deploy', app, image], { env: { DOCKER_HOST: 'tcp://127.0.0.1:1' } });

    expect(result.exitCode).toBe(1);
    expect(result.stderr).toMatch(/^ ! {5}Cannot reach the Docker engine at tcp:\/\/127\.0\.0\.1:1: .*\n$/);
    expect(await snapshot()).toEqual(before);
    expect(await psReport(env, app)).toEqual(report);
    expect(await pierOk(env, ['ps:scale', app])).toBe(scale);
  });

  it.each([
    ['a line without a type', badProcfileImage, 'invalid line in procfile, line 1'],
    ['a command with an unterminated quote', badQuotingImage, 'unterminated single quote in command, line 1'],
  ])('deploy of an image with a bad Procfile (%s): one line naming the Procfile, before anything deploys, containers and scale untouched', async (_name, badImage, message) => {
    const before = await snapshot();
    const scale = await pierOk(env, ['ps:scale', app]);

    const result = await env.pier(['deploy', app, badImage]);

    expect(result.exitCode).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe(` !     Invalid Procfile: ${message}\n`);
    expect(await snapshot()).toEqual(before);
    expect(await pierOk(env, ['ps:scale', app])).toBe(scale);
    for (const port of Object.values(await webPorts(env, app))) expect((await httpGet(port)).status).toBe(200);
  });
});
