import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { ErrorCodes, schedulerImageInfo } from '@pier/plugin-api';
import { unitHost, type UnitHost } from './test-support/unit-host.js';

describe('imageInfo (fake swarm)', () => {
  let t: UnitHost;
  beforeEach(async () => {
    t = await unitHost();
  });
  afterEach(() => t.dispose());

  it('reads Procfile and app.json from the working directory, following a symlink, and removes its container', async () => {
    const image = t.swarm.addImage('shop:1', {
      workingDir: '/srv',
      files: { '/srv/Procfile': '-> /etc/pier/Procfile', '/etc/pier/Procfile': 'web: httpd\n', '/srv/app.json': '{"healthchecks":{}}' },
    });
    expect(await t.call(schedulerImageInfo, { app: 'shop', image: 'shop:1' })).toEqual({ id: image.id, procfile: 'web: httpd\n', appJson: '{"healthchecks":{}}' });
    expect(t.swarm.imageInfoContainers()).toEqual([]);
  });

  it('an image without them, and a missing image', async () => {
    const image = t.swarm.addImage('bare:1', { workingDir: '' });
    expect(await t.call(schedulerImageInfo, { app: 'shop', image: 'bare:1' })).toEqual({ id: image.id, procfile: null, appJson: null });
    await expect(t.call(schedulerImageInfo, { app: 'shop', image: 'nope:1' })).rejects.toMatchObject({ code: ErrorCodes.IMAGE_NOT_FOUND, message: 'Image nope:1 not found' });
  });
});
