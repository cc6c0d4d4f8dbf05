import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import {
  schedulerAppStatus,
  schedulerDeploy,
  schedulerInspect,
  schedulerIsDeployed,
  schedulerLogsFailed,
  schedulerPostDelete,
  schedulerPreRestore,
  schedulerRegisterRetired,
  schedulerStop,
} from '@pier/plugin-api';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { appDataDir, deadContainersFile } from './state-files.js';
import { processSpec, release, unitHost, type UnitHost } from './test-support/unit-host.js';

const labels = (app: string, dyno: string, type = 'deploy') => ({
  'com.dokku.app-name': app,
  'com.dokku.container-type': type,
  'com.dokku.dyno': dyno,
  'com.dokku.process-type': dyno.split('.')[0]!,
  dokku: '',
});

describe('status, stop and cleanup (fake engine)', () => {
  let t: UnitHost;
  beforeEach(async () => {
    t = await unitHost({ apps: ['shop', 'blog'] });
    t.docker.addImage('shop:1');
  });
  afterEach(() => t.dispose());

  const deployShop = () => t.call(schedulerDeploy, { app: 'shop', release: release([processSpec('web', 2), processSpec('worker', 1)]) });

  it('appStatus lists live dynos in numeric order and sums up the running state', async () => {
    for (const i of [10, 2, 1]) t.docker.addContainer(`shop.web.${i}`, labels('shop', `web.${i}`), i === 2 ? 'exited' : 'running');
    t.docker.addContainer('shop.web.3.1700000000', labels('shop', 'web.3'));
    t.docker.addContainer('shop.web.4.upcoming-5', labels('shop', 'web.4'));
    t.docker.addContainer('shop.run.77', labels('shop', 'run.77', 'run'));
    const status = await t.call(schedulerAppStatus, { app: 'shop' });
    expect(status.processes).toBe(3);
    expect(status.running).toBe('mixed');
    expect(status.containers.map((c) => `${c.dyno}:${c.state}`)).toEqual(['web.1:running', 'web.2:exited', 'web.10:running']);
    expect(await t.call(schedulerAppStatus, { app: 'blog' })).toEqual({ processes: 0, running: 'false', containers: [] });
  });

  it('isDeployed: live containers or a stored release', async () => {
    expect(await t.call(schedulerIsDeployed, { app: 'shop' })).toBe(false);
    await deployShop();
    expect(await t.call(schedulerIsDeployed, { app: 'shop' })).toBe(true);
    // Scaled to zero: no containers, still deployed.
    await t.call(schedulerDeploy, { app: 'shop', release: release([processSpec('web', 0)], { waitToRetireSeconds: 0 }) });
    expect(t.docker.names()).toEqual([]);
    expect(await t.call(schedulerIsDeployed, { app: 'shop' })).toBe(true);
  });

  it('stop: clears restart policies and stops, keeps the containers', async () => {
    await deployShop();
    await t.call(schedulerStop, { app: 'shop', removeContainers: false });
    expect(t.docker.names()).toEqual(['shop.web.1', 'shop.web.2', 'shop.worker.1']);
    for (const c of t.docker.containers.values()) expect(c).toMatchObject({ status: 'exited', restartPolicy: { Name: 'no' } });
    expect(t.docker.calls.filter((c) => c.startsWith('stop'))).toContain('stop shop.web.1 t=2');
    expect(await t.call(schedulerAppStatus, { app: 'shop' })).toMatchObject({ processes: 3, running: 'false' });
  });

  it('stop of one process type leaves a one-off container running that type’s command alone', async () => {
    await deployShop();
    t.docker.addContainer('shop.run.77', { 'com.dokku.app-name': 'shop', 'com.dokku.container-type': 'run', 'com.dokku.process-type': 'worker' });
    await t.call(schedulerStop, { app: 'shop', removeContainers: false, processType: 'worker' });
    expect(t.docker.byName('shop.worker.1')!.status).toBe('exited');
    expect(t.docker.byName('shop.web.1')!.status).toBe('running');
    expect(t.docker.byName('shop.run.77')!.status).toBe('running');
  });

  it('stop with removeContainers leaves nothing of the app, other apps untouched', async () => {
    await deployShop();
    t.docker.addContainer('shop.web.1.1700000000', labels('shop', 'web.1'), 'exited');
    t.docker.addContainer('shop.run.5', labels('shop', 'run.5', 'run'));
    const other = t.docker.addContainer('blog.web.1', labels('blog', 'web.1'));
    await t.call(schedulerRegisterRetired, { app: 'blog', containerId: other.id, waitSeconds: 60 });
    await t.call(schedulerRegisterRetired, { app: 'shop', containerId: t.docker.byName('shop.web.1.1700000000')!.id, waitSeconds: 60 });
    await t.call(schedulerStop, { app: 'shop', removeContainers: true });
    expect(t.docker.names()).toEqual(['blog.web.1']);
    expect(await readFile(deadContainersFile(t.host.root), 'utf8')).toMatch(/^blog \S+ \d+\n$/);
  });

  it('postDelete removes the data dir, leftover containers and retire entries', async () => {
    await deployShop();
    await t.call(schedulerRegisterRetired, { app: 'shop', containerId: 'x', waitSeconds: 60 });
    await t.call(schedulerPostDelete, { app: 'shop' });
    expect(t.docker.names()).toEqual([]);
    expect(existsSync(appDataDir(t.host.root, 'shop'))).toBe(false);
    expect(await readFile(deadContainersFile(t.host.root), 'utf8')).toBe('');
  });

  it('preRestore removes renamed old containers of every app of this root, nothing else', async () => {
    const ours = (app: string, dyno: string) => ({ ...labels(app, dyno), 'com.pier.root': t.host.root });
    t.docker.addContainer('shop.web.1', ours('shop', 'web.1'));
    t.docker.addContainer('shop.web.1.1700000000', ours('shop', 'web.1'), 'exited');
    t.docker.addContainer('blog.worker.2.1700000001', ours('blog', 'worker.2'));
    t.docker.addContainer('unrelated.web.1.1700000000', { 'com.dokku.app-name': 'unrelated', 'com.pier.root': t.host.root });
    // A sweep over the engine leaves other roots' containers, and unlabelled ones, alone.
    t.docker.addContainer('else.web.1.1700000000', { ...labels('else', 'web.1'), 'com.pier.root': '/another/root' });
    t.docker.addContainer('legacy.web.1.1700000000', labels('legacy', 'web.1'));
    await t.call(schedulerPreRestore, { app: 'shop' });
    expect(t.docker.names()).toEqual(['else.web.1.1700000000', 'legacy.web.1.1700000000', 'shop.web.1', 'unrelated.web.1.1700000000']);
  });

  it('inspect masks env values Dokku’s way and sorts keys', async () => {
    await t.call(schedulerDeploy, {
      app: 'shop',
      release: release([processSpec('web', 1)], { env: { DATABASE_URL: 'postgres://u:p@h/db', DOKKU_APP_TYPE: 'dockerfile', USER: 'app', PATH: '/bin' } }),
    });
    const [doc] = await t.call(schedulerInspect, { app: 'shop' });
    expect((doc!.Config as { Env: string[] }).Env).toEqual(['DATABASE_URL=XXXXXX', 'DOKKU_APP_TYPE=dockerfile', 'USER=app', 'PATH=/bin', 'DYNO=web.1', 'PORT=5000']);
    expect(Object.keys(doc!)).toEqual([...Object.keys(doc!)].sort());
    expect(JSON.stringify(doc)).not.toContain('postgres://');
  });

  it('logsFailed prints the failed containers’ output, stderr on stderr, and forgets removed ones', async () => {
    await t.call(schedulerLogsFailed, { app: 'shop' });
    expect(t.stderr()).toBe(' !     No failed containers found\n');
    t.docker.onStart = (c) => {
      t.docker.writeLog(c, `crash from ${c.spec.Labels['com.dokku.dyno']}\n`);
      t.docker.writeLog(c, 'boom: cannot start\n', 'stderr');
      t.docker.writeLog(c, 'no newline at the end');
      c.status = 'exited';
    };
    await expect(deployShop()).rejects.toMatchObject({ code: 'PIER_ERR_DEPLOY_FAILED' });
    t.host.io.clear();
    await t.call(schedulerLogsFailed, { app: 'shop' });
    // As `docker logs <cid>`: raw, the streams apart, nothing added.
    expect(t.stdout()).toBe('crash from web.1\nno newline at the end');
    expect(t.stderr()).toBe('boom: cannot start\n');
    const failed = [...t.docker.containers.values()][0]!;
    await t.docker.removeContainer(failed.id);
    t.host.io.clear();
    await t.call(schedulerLogsFailed, { app: 'shop' });
    expect(t.stderr()).toBe(` !     App container ${failed.id} no longer running\n !     No failed containers found\n`);
  });
});
