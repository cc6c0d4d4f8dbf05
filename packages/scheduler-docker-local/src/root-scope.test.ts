import { afterAll, describe, expect, it } from '@jest/globals';
import { mkdirSync, mkdtempSync, realpathSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ownDeployRows, refuseOtherRootsApp, scopeToRoot } from './root-scope.js';
import { FakeDocker } from './test-support/fake-docker.js';

const app = (name: string, extra: Record<string, string> = {}) => ({ 'com.dokku.app-name': name, 'com.dokku.container-type': 'deploy', ...extra });
const ROOT = '/var/lib/pier';

function engine() {
  const docker = new FakeDocker();
  docker.addImage('shop:1');
  const ours = docker.addContainer('shop.web.1', app('shop', { 'com.pier.root': ROOT }));
  const theirs = docker.addContainer('shop.web.1.1700000000', app('shop', { 'com.pier.root': '/home/other/.pier' }));
  const legacy = docker.addContainer('shop.worker.1', app('shop'));
  return { docker, ours, theirs, legacy };
}

describe('the engine as one state root sees it', () => {
  it('labels every container it creates with the root', async () => {
    const { docker } = engine();
    const id = await scopeToRoot(docker, `${ROOT}/`).createContainer({ name: 'x', Image: 'shop:1', Env: [], Labels: { a: 'b' }, HostConfig: { NetworkMode: 'none' } });
    expect(docker.containers.get(id)!.spec.Labels).toEqual({ a: 'b', 'com.pier.root': ROOT });
  });

  it('an app’s containers: its own and unlabelled ones (an older Pier’s), never another root’s', async () => {
    const { docker, ours, legacy } = engine();
    const rows = await scopeToRoot(docker, ROOT).listContainers(['com.dokku.app-name=shop']);
    expect(rows.map((r) => r.id)).toEqual([ours.id, legacy.id]);
  });

  it('a sweep over every app: only containers labelled with this root', async () => {
    const { docker, ours } = engine();
    const rows = await scopeToRoot(docker, ROOT).listContainers(['com.dokku.container-type=deploy']);
    expect(rows.map((r) => r.id)).toEqual([ours.id]);
  });

  it('inspecting another root’s container finds nothing', async () => {
    const { docker, ours, theirs, legacy } = engine();
    const scoped = scopeToRoot(docker, ROOT);
    expect(await scoped.inspectContainer(theirs.id)).toBeNull();
    expect((await scoped.inspectContainer(ours.id))?.id).toBe(ours.id);
    expect((await scoped.inspectContainer(legacy.id))?.id).toBe(legacy.id);
  });

  it('passes everything else through', async () => {
    const { docker, theirs } = engine();
    const scoped = scopeToRoot(docker, ROOT);
    expect(scoped.endpoint).toBe(docker.endpoint);
    await scoped.stopContainer(theirs.id, 1);
    expect(docker.calls).toEqual(['stop shop.web.1.1700000000 t=1']);
  });

  it('refuses to deploy an app whose live names another root holds', async () => {
    const docker = new FakeDocker();
    docker.addContainer('shop.web.1', app('shop', { 'com.pier.root': '/home/other/.pier' }));
    docker.addContainer('blog.web.1.1700000000', app('blog', { 'com.pier.root': '/home/other/.pier' }));

    await expect(refuseOtherRootsApp(docker, ROOT, 'shop')).rejects.toMatchObject({
      code: 'PIER_ERR_DEPLOY_FAILED',
      message:
        'Container shop.web.1 belongs to another Pier state root on this Docker engine (/home/other/.pier); container names are shared by every root, so deploy this app under another name',
    });
    await expect(refuseOtherRootsApp(docker, ROOT, 'blog')).resolves.toBeUndefined();
  });

  it('the same listing gives the app’s deploy containers as the scoped port lists them', async () => {
    const { docker } = engine();
    const scoped = await scopeToRoot(docker, ROOT).listContainers(['com.dokku.app-name=shop', 'com.dokku.container-type=deploy']);
    expect(await ownDeployRows(docker, ROOT, 'shop')).toEqual(scoped);
    expect(scoped).toHaveLength(2);
  });
});

describe('one directory is one root, however it is spelled', () => {
  const dir = realpathSync(mkdtempSync(join(tmpdir(), 'pier-scope-')));
  const real = join(dir, 'real');
  const link = join(dir, 'link');
  mkdirSync(real);
  symlinkSync(real, link);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('labels with the real path when the root is reached through a symlink', async () => {
    const docker = new FakeDocker();
    docker.addImage('shop:1');
    const id = await scopeToRoot(docker, link).createContainer({ name: 'x', Image: 'shop:1', Env: [], Labels: {}, HostConfig: { NetworkMode: 'none' } });
    expect(docker.containers.get(id)!.spec.Labels['com.pier.root']).toBe(real);
  });

  it('sees containers labelled with either spelling (an older Pier labelled the path as given)', async () => {
    const docker = new FakeDocker();
    const viaLink = docker.addContainer('shop.web.1', app('shop', { 'com.pier.root': link }));
    const viaReal = docker.addContainer('shop.worker.1', app('shop', { 'com.pier.root': real }));
    docker.addContainer('shop.web.1.1700000000', app('shop', { 'com.pier.root': join(dir, 'other') }));

    for (const spelling of [real, link]) {
      const scoped = scopeToRoot(docker, spelling);
      expect((await scoped.listContainers(['com.dokku.app-name=shop'])).map((r) => r.id)).toEqual([viaLink.id, viaReal.id]);
      expect((await scoped.listContainers(['com.dokku.container-type=deploy'])).map((r) => r.id)).toEqual([viaLink.id, viaReal.id]);
      expect((await scoped.inspectContainer(viaLink.id))?.id).toBe(viaLink.id);
      await expect(refuseOtherRootsApp(docker, spelling, 'shop')).resolves.toBeUndefined();
    }
  });
});
