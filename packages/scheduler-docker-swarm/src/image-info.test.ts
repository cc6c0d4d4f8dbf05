import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { ErrorCodes, schedulerDeploy, schedulerPostDelete, schedulerRetire, schedulerImageInfo } from '@pier/plugin-api';
import { processSpec, release, unitHost, type UnitHost } from './test-support/unit-host.js';

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

  it('labels its container: the app, the image-info type and the state root', async () => {
    t.swarm.addImage('shop:1');
    await t.call(schedulerImageInfo, { app: 'shop', image: 'shop:1' });
    expect(t.swarm.containers.created.map((c) => c.Labels)).toEqual([{ 'com.dokku.app-name': 'shop', 'com.dokku.container-type': 'image-info', 'com.pier.root': t.host.root }]);
  });

  it('an interrupt while the image is read removes the container all the same and exits as the signal', async () => {
    t.swarm.addImage('shop:1', { files: { '/app/Procfile': 'web: run' } });
    t.swarm.getArchive = async () => {
      t.interrupts.interrupt();
      return new Promise<never>(() => {}); // an engine that takes its time: only the interrupt ends this
    };

    await expect(t.call(schedulerImageInfo, { app: 'shop', image: 'shop:1' })).rejects.toMatchObject({
      code: ErrorCodes.INTERRUPTED,
      exitCode: 130,
      message: 'Deploy interrupted by SIGINT: nothing was started or changed',
    });
    expect(t.swarm.containers.all.size).toBe(0);
    expect(t.interrupts.subscribers).toBe(0);
  });

  it('an interrupt while the container is being created still removes it', async () => {
    t.swarm.addImage('shop:1');
    const create = t.swarm.createContainer.bind(t.swarm);
    t.swarm.createContainer = async (spec) => {
      const id = await create(spec);
      t.interrupts.interrupt('SIGTERM');
      return id;
    };

    await expect(t.call(schedulerImageInfo, { app: 'shop', image: 'shop:1' })).rejects.toMatchObject({ code: ErrorCodes.INTERRUPTED, exitCode: 143 });
    expect(t.swarm.containers.all.size).toBe(0);
    expect(t.swarm.containers.created).toHaveLength(1);
  });
});

describe('image-info containers left behind by a killed pier (fake swarm)', () => {
  let t: UnitHost;
  beforeEach(async () => {
    t = await unitHost({ apps: ['shop', 'blog'] });
    t.swarm.addImage('shop:1');
  });
  afterEach(() => t.dispose());

  const leftover = (app: string, root = t.host.root) => {
    const name = `pier-swarm-image-info.${app}.${t.swarm.containers.created.length}`;
    const labels = { 'com.dokku.app-name': app, 'com.dokku.container-type': 'image-info', 'com.pier.root': root };
    return t.swarm.containers.all.get(t.swarm.containers.create({ name, Image: 'shop:1', Cmd: ['/pier-image-info'], Labels: labels, HostConfig: { NetworkMode: 'none' } }))!;
  };
  const left = () => [...t.swarm.containers.all.values()].map((c) => c.spec.name).sort();

  it('ps:retire removes this root’s that are older than ten minutes, not younger ones nor another root’s', async () => {
    const old = leftover('shop');
    const foreign = leftover('shop', '/elsewhere');
    await t.clock.sleep(601_000);
    const young = leftover('blog');

    await t.call(schedulerRetire, {});

    expect(left()).toEqual([foreign.spec.name, young.spec.name].sort());
    expect(t.stdout()).toContain(`Removing stale container ${old.spec.name} (${old.id.slice(0, 12)})`);
  });

  it('ps:retire <app> only the app’s', async () => {
    leftover('shop');
    const blog = leftover('blog');
    await t.clock.sleep(601_000);

    await t.call(schedulerRetire, { app: 'shop' });

    expect(left()).toEqual([blog.spec.name]);
  });

  it('apps:destroy removes the app’s, however young; not another app’s nor another root’s', async () => {
    await t.call(schedulerDeploy, { app: 'shop', release: release([processSpec('web', 1)]) });
    leftover('shop');
    const blog = leftover('blog');
    const foreign = leftover('shop', '/elsewhere');

    await t.call(schedulerPostDelete, { app: 'shop' });

    expect(left()).toEqual([blog.spec.name, foreign.spec.name].sort());
  });
});
