import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { schedulerImageInfo } from '@pier/plugin-api';
import { Readable } from 'node:stream';
import * as tar from 'tar-stream';
import { unitHost, type UnitHost } from './test-support/unit-host.js';

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
});
