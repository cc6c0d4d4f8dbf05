/**
 * Real engine: image info, a web=2 worker=1 deploy in host network mode, a zero-downtime
 * redeploy, and inspect masking.
 */
import { afterAll, beforeAll, expect, it } from '@jest/globals';
import { schedulerAppStatus, schedulerDeploy, schedulerImageInfo, schedulerInspect, type Release } from '@pier/plugin-api';
import { readStoredRelease } from './state-files.js';
import { containersOf, describeDocker, dockerFixture, httpGet, portOf } from './test-support/docker-fixture.js';
import { processSpec } from './test-support/unit-host.js';

const fixture = dockerFixture('pier-dl-deploy');
const app = `${fixture.prefix}-app`;
const procfile = 'web: httpd -f -p 127.0.0.1:$PORT -h /app/www\nworker: sleep 3600\n';
const appJson = JSON.stringify({ healthchecks: { web: [{ type: 'startup', name: 'index', path: '/index.html', content: 'hello', attempts: 10, wait: 1 }] } });
let v1: string;
let v2: string;

const releaseOf = (image: string, env: Record<string, string>): Release => ({
  image,
  processes: [
    processSpec('web', 2, {
      command: 'httpd -f -p 127.0.0.1:$PORT -h /app/www',
      healthchecks: [
        ...JSON.parse(appJson).healthchecks.web,
        { type: 'startup', name: 'files', command: ['sh', '-c', 'cat /app/www/index.html'], content: 'hello', attempts: 2, wait: 1 },
      ],
    }),
    processSpec('worker', 1, { command: 'sleep 3600' }),
  ],
  env,
  restartPolicy: 'on-failure:10',
  stopTimeoutSeconds: 2,
  waitToRetireSeconds: 0,
  defaultUptimeSeconds: 1,
});

describeDocker('docker-local on a real engine', () => {
  beforeAll(async () => {
    v1 = await fixture.buildImage('1', { Procfile: procfile, 'app.json': appJson, 'www/index.html': 'hello from v1\n' });
    v2 = await fixture.buildImage('2', { Procfile: procfile, 'app.json': appJson, 'www/index.html': 'hello from v2\n' });
  }, 120_000);
  afterAll(() => fixture.cleanup(), 60_000);

  it('reads Procfile and app.json from the image without running it', async () => {
    const host = await fixture.host([app]);
    const info = await host.call(schedulerImageInfo, { app, image: v1 });
    expect(info).toEqual({ id: expect.stringMatching(/^sha256:/), procfile, appJson });
    expect(await containersOf(app)).toEqual([]);
    await expect(host.call(schedulerImageInfo, { app, image: `${fixture.prefix}-img:missing` })).rejects.toMatchObject({
      code: 'PIER_ERR_IMAGE_NOT_FOUND',
    });
  });

  it('deploys web=2 worker=1, each web on its own loopback port', async () => {
    const host = await fixture.host([app]);
    await host.call(schedulerDeploy, { app, release: releaseOf(v1, { SECRET_TOKEN: 'abc123' }) });
    const out = host.io.stdoutText();
    expect(out).toContain('-----> Deploying web (count=2)\n');
    expect(out).toContain("       Healthcheck succeeded name='index'\n");
    expect(out).toContain("       Healthcheck succeeded name='files'\n");
    expect(out).toContain('       All checks successful (web.2)\n');
    expect(out).toContain('-----> Deploying worker (count=1)\n');

    const containers = await containersOf(app);
    expect(containers.map((c) => `${c.name}:${c.state}`)).toEqual([`${app}.web.1:running`, `${app}.web.2:running`, `${app}.worker.1:running`]);
    const ports = await Promise.all(containers.slice(0, 2).map((c) => portOf(c.id)));
    expect(ports[0]).not.toBe(ports[1]);
    for (const port of ports) expect(await httpGet(port, '/index.html')).toBe('hello from v1\n');

    const status = await host.call(schedulerAppStatus, { app });
    expect(status).toMatchObject({ processes: 3, running: 'true' });
    expect(status.containers.map((c) => c.dyno)).toEqual(['web.1', 'web.2', 'worker.1']);
  }, 60_000);

  it('redeploys without downtime: new containers serve, old ones are gone', async () => {
    const host = await fixture.host([app]);
    const before = await containersOf(app);
    const oldPort = await portOf(before[0]!.id);
    await host.call(schedulerDeploy, { app, release: releaseOf(v2, { SECRET_TOKEN: 'abc123' }) });
    expect(host.io.stdoutText()).toContain('-----> Shutting down old containers in 0 seconds\n');

    const after = await containersOf(app);
    expect(after.map((c) => c.name)).toEqual([`${app}.web.1`, `${app}.web.2`, `${app}.worker.1`]);
    expect(after.some((c) => before.some((b) => b.id === c.id))).toBe(false);
    for (const c of after.slice(0, 2)) expect(await httpGet(await portOf(c.id), '/index.html')).toBe('hello from v2\n');
    await expect(httpGet(oldPort)).rejects.toThrow();
    expect((await readStoredRelease(host.root, app))?.release.image).toBe(v2);
  }, 60_000);

  it('inspect masks secrets and keeps the harmless variables', async () => {
    const host = await fixture.host([app]);
    const docs = await host.call(schedulerInspect, { app });
    expect(docs).toHaveLength(3);
    const json = JSON.stringify(docs, null, 4);
    expect(json).not.toContain('abc123');
    expect(json).toContain('"SECRET_TOKEN=XXXXXX"');
    expect(json).toContain('"DYNO=web.1"');
    expect(json).toMatch(/"PORT=\d+"/);
    const webId = (await containersOf(app))[0]!.id;
    expect(json.split(webId).length - 1).toBeGreaterThanOrEqual(1);
  });

  it('creates containers the way Dokku does: labels (plus Pier’s root and listen address), init, restart policy, log size limit', async () => {
    const host = await fixture.host([app]);
    const [web] = (await host.call(schedulerInspect, { app })) as { Config: { Labels: Record<string, string> }; HostConfig: Record<string, unknown> }[];
    expect(web!.Config.Labels).toEqual({
      'com.dokku.app-name': app,
      'com.dokku.container-type': 'deploy',
      'com.dokku.dyno': 'web.1',
      'com.dokku.process-type': 'web',
      // The fixture image's own label: Docker copies an image's labels onto its containers.
      'com.pier.fixture': 'true',
      'com.pier.listen': expect.stringMatching(/^127\.0\.0\.1:\d+$/),
      'com.pier.root': host.root,
      dokku: '',
      'org.label-schema.schema-version': '1.0',
      'org.label-schema.vendor': 'dokku',
    });
    expect(web!.HostConfig).toMatchObject({
      Init: true,
      NetworkMode: 'host',
      RestartPolicy: { Name: 'on-failure', MaximumRetryCount: 10 },
      LogConfig: { Type: 'json-file', Config: { 'max-size': '10m' } },
    });
  });
});
