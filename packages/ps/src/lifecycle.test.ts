import { afterEach, describe, expect, it } from '@jest/globals';
import { appPostClone, appPostCloneSetup, appPostRename, appPostRenameSetup } from '@pier/plugin-api';
import { deployedOutput, psHost, type PsHost } from './test-support/ps-host.js';

let h: PsHost;
afterEach(() => h.host.dispose());

/** What apps:rename does around ps (the property store moves the ps properties). */
async function rename(oldApp: string, newApp: string, skipDeploy = false) {
  h.host.registry?.apps.add(newApp);
  await h.host.bus.notify(appPostRenameSetup, { oldApp, newApp });
  h.host.registry?.apps.delete(oldApp);
  h.host.io.clear();
  await h.host.bus.notify(appPostRename, { oldApp, newApp, skipDeploy });
}

async function clone(oldApp: string, newApp: string, skipDeploy = false) {
  h.host.registry?.apps.add(newApp);
  await h.host.bus.notify(appPostCloneSetup, { oldApp, newApp });
  h.host.io.clear();
  await h.host.bus.notify(appPostClone, { oldApp, newApp, skipDeploy });
}

describe('apps:rename and apps:clone', () => {
  it('rename redeploys the new app from the image and scale the old one ran', async () => {
    h = await psHost();
    await h.run('deploy', 'blog', 'blog:1');
    await h.run('ps:scale', 'blog', 'worker=2');

    await rename('blog', 'journal');

    expect(h.host.io.stdoutText()).toBe(deployedOutput('journal'));
    expect(h.deploys().at(-1)).toMatchObject({ app: 'journal', release: { image: 'blog:1' } });
    expect(h.lastRelease().processes.map((p) => [p.type, p.quantity])).toEqual([
      ['web', 1],
      ['worker', 2],
    ]);
    expect(h.props('journal').image).toBe('blog:1');
    expect(h.props('blog')).toEqual({});
  });

  it('clone deploys the copy and leaves the original as it was', async () => {
    h = await psHost();
    await h.run('deploy', 'blog', 'blog:1');

    await clone('blog', 'blog-copy');

    expect(h.deploys().map((d) => d.app)).toEqual(['blog', 'blog-copy']);
    expect(h.props('blog').image).toBe('blog:1');
    expect(h.props('blog-copy').image).toBe('blog:1');
  });

  it.each([
    ['rename', rename],
    ['clone', clone],
  ])('%s with --skip-deploy moves the settings but deploys nothing', async (_name, run) => {
    h = await psHost();
    await h.run('deploy', 'blog', 'blog:1');

    await run('blog', 'journal', true);

    expect(h.deploys()).toHaveLength(1);
    expect(h.props('journal').image).toBe('blog:1');
  });

  it('does nothing for an app that was never deployed', async () => {
    h = await psHost();

    await rename('blog', 'journal');

    expect(h.scheduler.calls).toEqual([]);
  });
});
