import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { schedulerDeploy, schedulerImageInfo, schedulerRetire } from '@pier/plugin-api';
import { Readable } from 'node:stream';
import * as tar from 'tar-stream';
import { processSpec, release, unitHost, type UnitHost } from './test-support/unit-host.js';

describe('imageInfo (fake engine)', () => {
  let t: UnitHost;
  beforeEach(async () => {
    t = await unitHost();
  });
  afterEach(() => t.dispose());

  it('reads Procfile and app.json from the working directory, without starting anything', async () => {
    const image = t.docker.addImage('shop:1', {
      workingDir: '/app',
      files: { '/app/Procfile': 'web: httpd -f -p $PORT\n', '/app/app.json': '{"healthchecks":{}}', '/Procfile': 'wrong' },
    });
    expect(await t.call(schedulerImageInfo, { app: 'shop', image: 'shop:1' })).toEqual({
      id: image.id,
      procfile: 'web: httpd -f -p $PORT\n',
      appJson: '{"healthchecks":{}}',
    });
    expect(t.docker.calls.some((c) => c.startsWith('start'))).toBe(false);
    expect(t.docker.calls.filter((c) => c.startsWith('create') || c.startsWith('remove'))).toHaveLength(2);
    expect(t.docker.containers.size).toBe(0);
  });

  it('defaults the working directory to / and gives null for absent files', async () => {
    t.docker.addImage('shop:1', { files: { '/Procfile': 'web: run' } });
    expect(await t.call(schedulerImageInfo, { app: 'shop', image: 'shop:1' })).toMatchObject({ procfile: 'web: run', appJson: null });
  });

  it('follows a symlinked Procfile', async () => {
    t.docker.addImage('shop:1', { files: { '/conf/Procfile.real': 'web: real' } });
    const getArchive = t.docker.getArchive.bind(t.docker);
    t.docker.getArchive = async (id, path) => {
      if (path !== '/Procfile') return getArchive(id, path);
      const pack = tar.pack();
      pack.entry({ name: 'Procfile', type: 'symlink', linkname: 'conf/Procfile.real' });
      pack.finalize();
      return Readable.from(pack);
    };
    expect((await t.call(schedulerImageInfo, { app: 'shop', image: 'shop:1' })).procfile).toBe('web: real');
  });

  it('fails with IMAGE_NOT_FOUND for a missing image', async () => {
    await expect(t.call(schedulerImageInfo, { app: 'shop', image: 'ghost:9' })).rejects.toMatchObject({
      code: 'PIER_ERR_IMAGE_NOT_FOUND',
      message: 'Image ghost:9 not found',
    });
  });

  it('an interrupt while the image is read removes the container all the same and exits as the signal', async () => {
    t.docker.addImage('shop:1', { files: { '/Procfile': 'web: run' } });
    t.docker.getArchive = async () => {
      t.interrupts.interrupt('SIGINT');
      return new Promise(() => {}); // an engine that takes its time: only the interrupt ends this
    };

    await expect(t.call(schedulerImageInfo, { app: 'shop', image: 'shop:1' })).rejects.toMatchObject({
      code: 'PIER_ERR_INTERRUPTED',
      exitCode: 130,
      message: 'Deploy interrupted by SIGINT: nothing was started or changed',
    });
    expect(t.docker.containers.size).toBe(0);
    expect(t.interrupts.subscribers).toBe(0);
  });

  it('an interrupt while the container is being created still removes it', async () => {
    t.docker.addImage('shop:1');
    const create = t.docker.createContainer.bind(t.docker);
    t.docker.createContainer = async (spec) => {
      const id = await create(spec);
      t.interrupts.interrupt('SIGTERM');
      return id;
    };

    await expect(t.call(schedulerImageInfo, { app: 'shop', image: 'shop:1' })).rejects.toMatchObject({ exitCode: 143 });
    expect(t.docker.containers.size).toBe(0);
  });
});

describe('image-info containers left behind by a killed pier (fake engine)', () => {
  let t: UnitHost;
  beforeEach(async () => {
    t = await unitHost({ apps: ['shop', 'blog'] });
  });
  afterEach(() => t.dispose());

  const leftover = (name: string, app: string, root = t.host.root) =>
    t.docker.addContainer(name, { 'com.dokku.app-name': app, 'com.dokku.container-type': 'image-info', 'com.pier.root': root }, 'created');

  it('ps:retire removes this root’s that are older than ten minutes, not younger ones nor another root’s', async () => {
    const old = leftover('pier-image-info.shop.0001', 'shop');
    t.clock.ms += 601_000;
    const young = leftover('pier-image-info.blog.0002', 'blog');
    const foreign = leftover('pier-image-info.shop.0003', 'shop', '/elsewhere');
    foreign.created = old.created;

    await t.call(schedulerRetire, {});

    expect(t.docker.names()).toEqual([foreign.name, young.name].sort());
    expect(t.stdout()).toContain(`Removing stale container ${old.name} (${old.id.slice(0, 12)})`);
  });

  it('the app’s next deploy removes the app’s, however young (it holds the app lock)', async () => {
    t.docker.addImage('shop:1');
    const ours = leftover('pier-image-info.shop.0001', 'shop');
    const other = leftover('pier-image-info.blog.0002', 'blog');

    await t.call(schedulerDeploy, { app: 'shop', release: release([processSpec('web', 1)]) });

    expect(t.docker.containers.has(ours.id)).toBe(false);
    expect(t.docker.containers.has(other.id)).toBe(true);
  });
});
