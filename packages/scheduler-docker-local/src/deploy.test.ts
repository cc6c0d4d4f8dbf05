import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { propertySet, schedulerAppStatus } from '@pier/plugin-api';
import { readFile } from 'node:fs/promises';
import { orderProcesses } from './deploy.js';
import { deadContainersFile, readStoredRelease } from './state-files.js';
import { processSpec, release, shopHost, type ShopHost } from './test-support/unit-host.js';

const lines = (text: string) => text.split('\n').filter(Boolean);

describe('deploy (fake engine)', () => {
  let t: ShopHost;
  beforeEach(async () => {
    t = await shopHost();
  });
  afterEach(() => t.dispose());

  const deploy = (r = release([processSpec('web', 2), processSpec('worker', 1)]), processType?: string) => t.deploy(r, processType);

  it('first deploy: web then worker, Dokku’s lines, live names, no leftovers', async () => {
    await deploy();
    expect(lines(t.stdout())).toEqual([
      '-----> Deploying web (count=2)',
      '       Attempting pre-flight checks (web.1)',
      "       Running healthcheck name='default' uptime=0",
      "       Healthcheck succeeded name='default'",
      '       All checks successful (web.1)',
      '       Attempting pre-flight checks (web.2)',
      "       Running healthcheck name='default' uptime=0",
      "       Healthcheck succeeded name='default'",
      '       All checks successful (web.2)',
      '-----> Deploying worker (count=1)',
      '       Attempting pre-flight checks (worker.1)',
      "       Running healthcheck name='default' uptime=0",
      "       Healthcheck succeeded name='default'",
      '       All checks successful (worker.1)',
      '-----> Running post-deploy',
      '-----> Renaming containers',
      expect.stringMatching(/^ {7}Renaming container shop\.web\.1\.upcoming-\d+ \([0-9a-f]{12}\) to shop\.web\.1$/),
      expect.stringMatching(/to shop\.web\.2$/),
      expect.stringMatching(/to shop\.worker\.1$/),
    ]);
    expect(t.docker.names()).toEqual(['shop.web.1', 'shop.web.2', 'shop.worker.1']);
    const web2 = t.docker.byName('shop.web.2')!;
    expect(web2.spec.Env).toEqual(['SECRET=hunter2', 'DYNO=web.2', 'PORT=5000']);
    expect(web2.spec.Cmd).toEqual(['run-web']);
    expect(web2.spec.HostConfig).toMatchObject({ NetworkMode: 'bridge', Init: true });
    expect(t.docker.byName('shop.worker.1')!.spec.Env).toEqual(['SECRET=hunter2', 'DYNO=worker.1', 'PORT=']);
    expect((await readStoredRelease(t.host.root, 'shop'))?.release.image).toBe('shop:1');
    expect(await t.call(schedulerAppStatus, { app: 'shop' })).toMatchObject({ processes: 3, running: 'true' });
  });

  it('redeploy: the old containers move aside, are recorded and get SIGTERM', async () => {
    await deploy();
    const oldIds = ['shop.web.1', 'shop.web.2', 'shop.worker.1'].map((n) => t.docker.byName(n)!.id);
    t.host.io.clear();
    await deploy(release([processSpec('web', 2), processSpec('worker', 1)], { image: 'shop:2' }));
    const out = t.stdout();
    expect(out).toContain('       Scheduling old container shutdown in 60 seconds (web.1)\n');
    expect(out).toContain(`       Found previous container(s) (${oldIds[0]!.slice(0, 12)}) named shop.web.1\n`);
    expect(out).toMatch(/Renaming container \([0-9a-f]{12}\) shop\.web\.1 to shop\.web\.1\.\d+\n/);
    expect(out.endsWith('-----> Shutting down old containers in 60 seconds\n')).toBe(true);
    for (const id of oldIds) {
      const old = t.docker.containers.get(id)!;
      expect(old.name).toMatch(/^shop\.(web|worker)\.\d\.\d+$/);
      expect(old.restartPolicy).toEqual({ Name: 'no' });
      expect(t.docker.calls).toContain(`kill ${old.name} SIGTERM`);
    }
    const dead = await readFile(deadContainersFile(t.host.root), 'utf8');
    const at = Math.floor(t.clock.now() / 1000) + 60;
    expect(dead).toBe(oldIds.map((id) => `shop ${id} ${at}\n`).join(''));
    expect(t.docker.byName('shop.web.1')!.spec.Image).toBe('shop:2');
  });

  it('a crash-looping old container that refuses a rename is stopped, then moved aside', async () => {
    await deploy(release([processSpec('web', 1)]));
    const crashing = t.docker.byName('shop.web.1')!;
    const rename = t.docker.renameContainer.bind(t.docker);
    let refused = 0;
    t.docker.renameContainer = async (id, name) => {
      // What the engine does to a "restarting" container: its network sandbox is gone.
      if (id === crashing.id && crashing.restartPolicy?.Name !== 'no') {
        refused++;
        throw new Error('sandbox 109f2ba36a94 not found');
      }
      return rename(id, name);
    };

    await deploy(release([processSpec('web', 1)], { image: 'shop:2' }));

    expect(refused).toBe(1);
    expect(t.docker.byName('shop.web.1')!.id).not.toBe(crashing.id);
    expect(crashing.name).toMatch(/^shop\.web\.1\.\d+$/);
    expect(t.docker.names().filter((n) => n.includes('upcoming'))).toEqual([]);
  });

  it('a crash-looping old container the engine cannot stop either is killed, then moved aside', async () => {
    await deploy(release([processSpec('web', 1)]));
    const crashing = t.docker.byName('shop.web.1')!;
    const rename = t.docker.renameContainer.bind(t.docker);
    t.docker.renameContainer = async (id, name) => {
      if (id === crashing.id && crashing.status !== 'exited') throw new Error('sandbox 109f2ba36a94 not found');
      return rename(id, name);
    };
    const stop = t.docker.stopContainer.bind(t.docker);
    t.docker.stopContainer = async (id, timeout) => {
      if (id === crashing.id) throw new Error('cannot stop container: context deadline exceeded');
      return stop(id, timeout);
    };

    await deploy(release([processSpec('web', 1)], { image: 'shop:2' }));

    expect(t.docker.calls).toContain('kill shop.web.1 SIGKILL');
    expect(crashing.name).toMatch(/^shop\.web\.1\.\d+$/);
    expect(t.docker.byName('shop.web.1')!.id).not.toBe(crashing.id);
  });

  it('a swap that fails removes the new containers still named upcoming', async () => {
    await deploy(release([processSpec('web', 1)]));
    const rename = t.docker.renameContainer.bind(t.docker);
    t.docker.renameContainer = async (id, name) => {
      if (name === 'shop.web.1') throw new Error('engine error');
      return rename(id, name);
    };

    await expect(deploy(release([processSpec('web', 1)], { image: 'shop:2' }))).rejects.toThrow('engine error');

    expect(t.docker.names().filter((n) => n.includes('upcoming'))).toEqual([]);
  });

  it('waitToRetireSeconds 0 stops and removes the old containers during the deploy', async () => {
    const r = release([processSpec('web', 1)], { waitToRetireSeconds: 0 });
    await deploy(r);
    await deploy(r);
    expect(t.docker.names()).toEqual(['shop.web.1']);
    expect(await readFile(deadContainersFile(t.host.root), 'utf8')).toBe('');
  });

  it('a failed check keeps the previous containers serving and removes this deploy’s others', async () => {
    await deploy();
    const before = new Map(['shop.web.1', 'shop.web.2', 'shop.worker.1'].map((n) => [n, t.docker.byName(n)!.id]));
    t.docker.onStart = (c) => {
      if (c.name.startsWith('shop.worker.1.upcoming-')) {
        c.status = 'exited';
        c.logs = 'boom: worker cannot start\n';
      }
    };
    t.host.io.clear();
    await expect(deploy(release([processSpec('web', 2), processSpec('worker', 1)], { image: 'shop:2' }))).rejects.toMatchObject({
      code: 'PIER_ERR_DEPLOY_FAILED',
      message: 'Could not start due to 1 failed checks (worker.1)',
    });
    for (const [name, id] of before) {
      expect(t.docker.containers.get(id)).toMatchObject({ name, status: 'running' });
    }
    const failed = [...t.docker.containers.values()].filter((c) => c.name.includes('upcoming'));
    expect(failed).toHaveLength(1);
    expect(failed[0]).toMatchObject({ status: 'exited', restartPolicy: { Name: 'no' } });
    const id12 = failed[0]!.id.slice(0, 12);
    expect(t.stdout()).toContain(`=====> Start of shop container output (${id12} worker.1)\nboom: worker cannot start\n=====> End of shop container output (${id12} worker.1)\n`);
    expect(t.stdout()).not.toContain('Renaming');
    expect(await readFile(`${t.host.root}/data/scheduler-docker-local/shop/failed-containers`, 'utf8')).toBe(`${failed[0]!.id} worker.1\n`);
    expect(await readFile(deadContainersFile(t.host.root), 'utf8')).toContain(`shop ${failed[0]!.id} `);
    expect((await readStoredRelease(t.host.root, 'shop'))?.release.image).toBe('shop:1');
  });

  it('scale down: orphans are scheduled, moved aside and (wait 0) removed', async () => {
    await deploy(release([processSpec('web', 3)]));
    t.host.io.clear();
    await deploy(release([processSpec('web', 1)], { waitToRetireSeconds: 0 }));
    expect(t.stdout()).toContain('       Scheduling orphaned container shutdown in 0 seconds (web.2)\n       Scheduling orphaned container shutdown in 0 seconds (web.3)\n');
    expect(t.docker.names()).toEqual(['shop.web.1']);
  });

  it('a type that left the release is retired with the rest', async () => {
    await deploy();
    t.host.io.clear();
    await deploy(release([processSpec('web', 2)], { waitToRetireSeconds: 0 }));
    expect(t.stdout()).toContain('       Container type (worker) is no longer defined. Removing state\n');
    expect(t.docker.names()).toEqual(['shop.web.1', 'shop.web.2']);
  });

  it('removes stale upcoming containers left by a killed deploy and converges', async () => {
    await deploy(release([processSpec('web', 1)]));
    const labels = { 'com.dokku.app-name': 'shop', 'com.dokku.container-type': 'deploy', 'com.dokku.dyno': 'web.1' };
    t.docker.addContainer('shop.web.1.upcoming-77', labels);
    t.docker.addContainer('shop.web.2.upcoming-78', labels, 'exited');
    t.host.io.clear();
    await deploy(release([processSpec('web', 1)], { waitToRetireSeconds: 0 }));
    expect(t.stdout()).toMatch(/Removing stale container shop\.web\.1\.upcoming-77/);
    expect(t.docker.names()).toEqual(['shop.web.1']);
  });

  it('checks disabled: old containers of the type stop before the new ones start', async () => {
    await deploy(release([processSpec('web', 1)]));
    const old = t.docker.byName('shop.web.1')!;
    t.host.io.clear();
    t.docker.calls.length = 0;
    await deploy(release([processSpec('web', 1, { checks: 'disabled' })]));
    expect(t.stdout()).toContain(`       Zero downtime is disabled, stopping currently running containers  (web)\n       Stopping ${old.id} (web)\n`);
    expect(t.stdout()).not.toContain('Attempting pre-flight checks');
    expect(t.docker.calls.findIndex((c) => c.startsWith('stop shop.web.1 '))).toBeLessThan(t.docker.calls.findIndex((c) => c.startsWith('create')));
  });

  it('checks skipped: Dokku’s two lines and no checks', async () => {
    await deploy(release([processSpec('web', 1, { checks: 'skipped' })]));
    expect(t.stdout()).toContain('       Attempting pre-flight checks (web.1)\n=====> Zero downtime checks have been skipped (web.1)\n-----> Running post-deploy\n');
    expect(t.stdout()).not.toContain('Running healthcheck');
  });

  it('a process-type deploy leaves the other types alone', async () => {
    await deploy();
    const worker = t.docker.byName('shop.worker.1')!.id;
    t.host.io.clear();
    await deploy(release([processSpec('web', 2), processSpec('worker', 1)], { waitToRetireSeconds: 0 }), 'web');
    expect(t.stdout()).not.toContain('Deploying worker');
    expect(t.docker.byName('shop.worker.1')!.id).toBe(worker);
    expect(t.docker.names()).toEqual(['shop.web.1', 'shop.web.2', 'shop.worker.1']);
  });

  it('host mode gives each web container its own loopback port', async () => {
    await t.host.bus.first(propertySet, { plugin: 'scheduler-docker-local', scope: 'shop', key: 'network-mode', value: 'host' });
    await deploy(release([processSpec('web', 3, { command: 'httpd -p 127.0.0.1:$PORT' }), processSpec('worker', 1)]));
    const ports = [1, 2, 3].map((i) => t.docker.byName(`shop.web.${i}`)!.spec.Env.find((e) => e.startsWith('PORT='))!.slice(5));
    expect(new Set(ports).size).toBe(3);
    expect(t.docker.byName('shop.web.2')!.spec.Cmd).toEqual(['httpd', '-p', `127.0.0.1:${ports[1]}`]);
    expect(t.docker.byName('shop.web.1')!.spec.HostConfig.NetworkMode).toBe('host');
    expect(t.docker.byName('shop.worker.1')!.spec.Env).toContain('PORT=');
    expect((await t.call(schedulerAppStatus, { app: 'shop' })).urls).toEqual(ports.map((port) => `http://127.0.0.1:${port}`));
  });

  it('outside host mode no URL is reachable from the host', async () => {
    await deploy(release([processSpec('web', 1)]));
    expect(await t.call(schedulerAppStatus, { app: 'shop' })).not.toHaveProperty('urls');
  });

  it.each<[string | undefined, Record<string, string>, boolean]>([
    [undefined, {}, true],
    [undefined, { 'org.opencontainers.image.vendor': 'linuxserver.io' }, false],
    ['true', { 'org.opencontainers.image.vendor': 'linuxserver.io' }, true],
    ['false', {}, false],
    ['yes', {}, false],
  ])('init-process %s with labels %j → Init %s', async (value, labels, init) => {
    t.docker.addImage('shop:1', { labels });
    if (value) await t.host.bus.first(propertySet, { plugin: 'scheduler-docker-local', scope: 'shop', key: 'init-process', value });
    await deploy(release([processSpec('web', 1)]));
    expect(t.docker.byName('shop.web.1')!.spec.HostConfig.Init === true).toBe(init);
  });

  it('missing image, unreachable engine and unknown type fail with one clear line', async () => {
    await expect(deploy(release([processSpec('web', 1)], { image: 'nope:1' }))).rejects.toMatchObject({ code: 'PIER_ERR_IMAGE_NOT_FOUND', message: 'Image nope:1 not found' });
    await expect(deploy(release([processSpec('web', 1)]), 'clock')).rejects.toMatchObject({ message: 'Process type clock is not defined for shop' });
    t.docker.unreachable = true;
    await expect(deploy()).rejects.toMatchObject({ code: 'PIER_ERR_DOCKER_UNREACHABLE' });
  });

  it('refuses, before creating anything, an app whose live containers another state root runs', async () => {
    t.docker.addContainer('shop.web.1', { 'com.dokku.app-name': 'shop', 'com.dokku.container-type': 'deploy', 'com.pier.root': '/home/other/.pier' });
    await expect(deploy(release([processSpec('web', 1)]))).rejects.toMatchObject({ message: expect.stringMatching(/^Container shop\.web\.1 belongs to another Pier state root/) });
    expect(t.docker.names()).toEqual(['shop.web.1']);
  });

  it('asks the engine for the app’s deploy containers once at the start, and once more right before the swap', async () => {
    await deploy();
    const listings: string[][] = [];
    const list = t.docker.listContainers.bind(t.docker);
    t.docker.listContainers = (labels) => {
      listings.push(labels);
      return list(labels);
    };

    await deploy(release([processSpec('web', 2), processSpec('worker', 1)], { image: 'shop:2' }));

    const deployListings = listings.filter((labels) => labels.join() === 'com.dokku.app-name=shop,com.dokku.container-type=deploy');
    expect(deployListings).toHaveLength(2);
  });

  it('a command that cannot be split fails before anything is created', async () => {
    await expect(deploy(release([processSpec('web', 1, { command: "echo 'open" })]))).rejects.toMatchObject({
      code: 'PIER_ERR_DEPLOY_FAILED',
      message: "Invalid Procfile command for web: unterminated single quote in: echo 'open",
    });
    expect(t.docker.names()).toEqual([]);
  });
});

describe('orderProcesses', () => {
  const specs = ['worker', 'api', 'web', 'clock'].map((type) => processSpec(type, 1));
  it('puts web first, the rest by name', () => {
    const { first, rest } = orderProcesses(specs);
    expect([...first, ...rest].map((p) => p.type)).toEqual(['web', 'api', 'clock', 'worker']);
  });
  it('keeps only the requested type', () => {
    const { first, rest } = orderProcesses(specs, 'clock');
    expect([...first, ...rest].map((p) => p.type)).toEqual(['clock']);
  });
});
