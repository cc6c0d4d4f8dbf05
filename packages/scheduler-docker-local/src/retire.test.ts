import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { propertySet, schedulerRegisterRetired, schedulerRetire } from '@pier/plugin-api';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { formatDeadContainers, parseDeadContainers, terminateOld } from './retire.js';
import type { RetireJob } from './retire-job.js';
import { FakeDocker } from './test-support/fake-docker.js';
import { withFileLock } from '@pier/plugin-api';
import { deadContainersFile } from './state-files.js';
import { unitHost, type UnitHost } from './test-support/unit-host.js';

const deployLabels = (app: string, dyno: string) => ({ 'com.dokku.app-name': app, 'com.dokku.container-type': 'deploy', 'com.dokku.dyno': dyno });

describe('dead-containers format', () => {
  it('round-trips `<app> <id> <unix time>` lines and skips junk', () => {
    const entries = parseDeadContainers('shop abc 100\n\nbroken line\nblog def 200\nx y notanumber\n');
    expect(entries).toEqual([
      { app: 'shop', id: 'abc', at: 100 },
      { app: 'blog', id: 'def', at: 200 },
    ]);
    expect(formatDeadContainers(entries)).toBe('shop abc 100\nblog def 200\n');
  });
});

describe('terminating old containers', () => {
  const setUp = () => {
    const docker = new FakeDocker();
    const old = ['shop.web.1.1700000000', 'shop.worker.1.1700000000'].map((name) => {
      const c = docker.addContainer(name, deployLabels('shop', name.split('.').slice(1, 3).join('.')));
      c.restartPolicy = { Name: 'on-failure', MaximumRetryCount: 10 };
      return c;
    });
    const jobs: RetireJob[] = [];
    const job: RetireJob = { app: 'shop', root: '/var/lib/pier', ids: old.map((c) => c.id), at: 160, stopTimeoutSeconds: 2 };
    return { ctx: { docker, retireLauncher: (j: RetireJob) => void jobs.push(j) }, docker, old, jobs, job };
  };

  it('clears their restart policy, sends SIGTERM and hands them to the retire job', async () => {
    const { ctx, docker, old, jobs, job } = setUp();
    await terminateOld(ctx, job);
    expect(docker.calls).toEqual(['kill shop.web.1.1700000000 SIGTERM', 'kill shop.worker.1.1700000000 SIGTERM']);
    expect(old.map((c) => c.restartPolicy)).toEqual([{ Name: 'no' }, { Name: 'no' }]);
    expect(jobs).toEqual([job]);
  });

  it('without a hand-off starts no job; an engine that fails one container does not stop the others', async () => {
    const { ctx, docker, old, jobs, job } = setUp();
    docker.stuck.add(old[0]!.name);
    await terminateOld(ctx, job, { handOff: false });
    expect(docker.calls).toEqual(['kill shop.worker.1.1700000000 SIGTERM']);
    expect(jobs).toEqual([]);
  });
});

describe('registerRetired and retire', () => {
  let t: UnitHost;
  let now: number;
  const dead = async () => readFile(deadContainersFile(t.host.root), 'utf8');

  beforeEach(async () => {
    t = await unitHost({ apps: ['shop', 'blog'] });
    now = Math.floor(t.clock.now() / 1000);
  });
  afterEach(() => t.dispose());

  it('appends once per container, with now + wait', async () => {
    await t.call(schedulerRegisterRetired, { app: 'shop', containerId: 'abc', waitSeconds: 60 });
    await t.call(schedulerRegisterRetired, { app: 'shop', containerId: 'abc', waitSeconds: 5 });
    await t.call(schedulerRegisterRetired, { app: 'blog', containerId: 'def', waitSeconds: 0 });
    expect(await dead()).toBe(`shop abc ${now + 60}\nblog def ${now}\n`);
  });

  it('retires only due entries, of the given app, and keeps the rest', async () => {
    const a = t.docker.addContainer('shop.web.1.100', deployLabels('shop', 'web.1'));
    const b = t.docker.addContainer('shop.web.2.100', deployLabels('shop', 'web.2'));
    const c = t.docker.addContainer('blog.web.1.100', deployLabels('blog', 'web.1'));
    await t.call(schedulerRegisterRetired, { app: 'shop', containerId: a.id, waitSeconds: 0 });
    await t.call(schedulerRegisterRetired, { app: 'shop', containerId: b.id, waitSeconds: 60 });
    await t.call(schedulerRegisterRetired, { app: 'blog', containerId: c.id, waitSeconds: 0 });

    await t.call(schedulerRetire, { app: 'shop' });
    expect(t.stdout()).toBe(`       Attempting to retire shop container ${a.id}\n`);
    expect(t.docker.names()).toEqual(['blog.web.1.100', 'shop.web.2.100']);
    expect(await dead()).toBe(`shop ${b.id} ${now + 60}\nblog ${c.id} ${now}\n`);

    await t.clock.sleep(60_000);
    await t.call(schedulerRetire, {});
    expect(t.docker.names()).toEqual([]);
    expect(await dead()).toBe('');
  });

  it('drops entries whose container is gone', async () => {
    await t.call(schedulerRegisterRetired, { app: 'shop', containerId: 'gone', waitSeconds: 0 });
    await t.call(schedulerRetire, {});
    expect(await dead()).toBe('');
  });

  it('never stops a recorded container that still holds a live name, and keeps it listed until it is moved aside', async () => {
    const live = t.docker.addContainer('shop.web.1', deployLabels('shop', 'web.1'));
    await t.call(schedulerRegisterRetired, { app: 'shop', containerId: live.id, waitSeconds: 0 });

    await t.call(schedulerRetire, {});

    expect(t.docker.containers.get(live.id)?.status).toBe('running');
    expect(t.stdout()).toContain(`Container ${live.id} is live again, not retiring it`);
    expect(await dead()).toContain(live.id);

    // A deploy moves it aside (and registers it again: the later time wins); then it goes.
    live.name = 'shop.web.1.1700000000';
    await t.call(schedulerRegisterRetired, { app: 'shop', containerId: live.id, waitSeconds: 5 });
    await t.call(schedulerRetire, {});
    expect(t.docker.containers.has(live.id)).toBe(true);
    t.clock.ms += 5_000;
    await t.call(schedulerRetire, {});
    expect(t.docker.containers.has(live.id)).toBe(false);
    expect(await dead()).toBe('');
  });

  it('stops with the app’s current stop-timeout-seconds (app, then --global), not its last release’s', async () => {
    const a = t.docker.addContainer('shop.web.1.100', deployLabels('shop', 'web.1'));
    const b = t.docker.addContainer('blog.web.1.100', deployLabels('blog', 'web.1'));
    await mkdir(`${t.host.root}/data/scheduler-docker-local/shop`, { recursive: true });
    await writeFile(`${t.host.root}/data/scheduler-docker-local/shop/release.json`, JSON.stringify({ release: { stopTimeoutSeconds: 30 } }));
    await t.host.bus.first(propertySet, { plugin: 'ps', scope: 'shop', key: 'stop-timeout-seconds', value: '2' });
    await t.host.bus.first(propertySet, { plugin: 'ps', scope: '--global', key: 'stop-timeout-seconds', value: '4' });
    await t.call(schedulerRegisterRetired, { app: 'shop', containerId: a.id, waitSeconds: 0 });
    await t.call(schedulerRegisterRetired, { app: 'blog', containerId: b.id, waitSeconds: 0 });

    await t.call(schedulerRetire, {});

    expect(t.docker.calls.filter((call) => call.startsWith('stop'))).toEqual(['stop shop.web.1.100 t=2', 'stop blog.web.1.100 t=4']);
  });

  it('stops with the stop timeout of the app’s last release when none is set (10 s when unknown)', async () => {
    const a = t.docker.addContainer('shop.web.1.100', deployLabels('shop', 'web.1'));
    await mkdir(`${t.host.root}/data/scheduler-docker-local/shop`, { recursive: true });
    await writeFile(`${t.host.root}/data/scheduler-docker-local/shop/release.json`, JSON.stringify({ release: { stopTimeoutSeconds: 3 } }));
    const b = t.docker.addContainer('blog.web.1.100', deployLabels('blog', 'web.1'));
    await t.call(schedulerRegisterRetired, { app: 'shop', containerId: a.id, waitSeconds: 0 });
    await t.call(schedulerRegisterRetired, { app: 'blog', containerId: b.id, waitSeconds: 0 });
    await t.call(schedulerRetire, {});
    expect(t.docker.calls.filter((c) => c.startsWith('stop'))).toEqual(['stop shop.web.1.100 t=3', 'stop blog.web.1.100 t=10']);
  });

  it('concurrent registrations are all kept (file lock)', async () => {
    await Promise.all(Array.from({ length: 20 }, (_, i) => t.call(schedulerRegisterRetired, { app: 'shop', containerId: `c${i}`, waitSeconds: 1 })));
    expect(parseDeadContainers(await dead())).toHaveLength(20);
  });

  it('takes over a lock left by a dead process', async () => {
    const path = deadContainersFile(t.host.root);
    await mkdir(dirname(path), { recursive: true });
    await writeFile(`${path}.lock`, '999999999');
    expect(await withFileLock(`${path}.lock`, async () => 'ran')).toBe('ran');
  });
});
