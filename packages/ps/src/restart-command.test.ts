import { afterEach, describe, expect, it } from '@jest/globals';
import { psHost, type PsHost } from './test-support/ps-host.js';

let h: PsHost;
afterEach(() => h.host.dispose());

describe('ps:restart', () => {
  it('redeploys the current release: the scheduler’s output, then the URLs as after a deploy', async () => {
    h = await psHost();
    await h.run('deploy', 'blog', 'blog:1');

    expect(await h.run('ps:restart', 'blog')).toEqual({ exitCode: 0, stdout: '=====> Application deployed:\n\n', stderr: '' });
    expect(h.deploys()).toHaveLength(2);
    expect(h.deploys()[1]).toEqual(h.deploys()[0]);
    expect(h.postDeploys).toHaveLength(2);
  });

  it('restarts one process type', async () => {
    h = await psHost();
    await h.run('deploy', 'blog', 'blog:1');

    await h.run('ps:restart', 'blog', 'worker');

    expect(h.deploys()[1]).toMatchObject({ app: 'blog', processType: 'worker' });
  });

  it('uses the properties as they are now (a new restart policy takes effect)', async () => {
    h = await psHost();
    await h.run('deploy', 'blog', 'blog:1');
    await h.run('ps:set', 'blog', 'restart-policy', 'unless-stopped');

    await h.run('ps:restart', 'blog');

    expect(h.lastRelease().restartPolicy).toBe('unless-stopped');
  });

  it.each([
    [['blog', 'clock'], 1, 'Process type clock is not defined for blog (process types: web, worker)'],
    [['--all', 'web'], 1, 'Unable to restart all apps when specifying a process name'],
    [['nope'], 20, 'App nope does not exist'],
  ])('%j → exit %i: %s', async (args, exitCode, message) => {
    h = await psHost();
    await h.run('deploy', 'blog', 'blog:1');

    expect(await h.run('ps:restart', ...args)).toEqual({ exitCode, stdout: '', stderr: ` !     ${message}\n` });
    expect(h.deploys()).toHaveLength(1);
  });

  it('warns and exits 0 for an app that was never deployed', async () => {
    h = await psHost();

    expect(await h.run('ps:restart', 'blog')).toEqual({ exitCode: 0, stdout: '', stderr: ' !     App blog has not been deployed\n' });
  });

  it('treats a release prepared with skip-deploy but never run as not deployed', async () => {
    h = await psHost();
    await h.run('ps:set', 'blog', 'skip-deploy', 'true');
    await h.run('deploy', 'blog', 'blog:1');

    expect((await h.run('ps:restart', 'blog')).stderr).toBe(' !     App blog has not been deployed\n');
  });

  it('rolls out a release prepared with skip-deploy on a deployed app', async () => {
    h = await psHost({ images: { 'blog:2': { procfile: 'web: new' } } });
    await h.run('deploy', 'blog', 'blog:1');
    await h.run('ps:set', 'blog', 'skip-deploy', 'true');
    await h.run('deploy', 'blog', 'blog:2');

    await h.run('ps:restart', 'blog');

    expect(h.lastRelease()).toMatchObject({ image: 'blog:2' });
    expect(h.lastRelease().processes.map((p) => p.command)).toEqual(['new']);
  });
});
