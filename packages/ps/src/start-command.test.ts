import { afterEach, describe, expect, it } from '@jest/globals';
import { deployedOutput, psHost, type PsHost } from './test-support/ps-host.js';

let h: PsHost;
afterEach(() => h.host.dispose());

describe('ps:start', () => {
  it.each([
    ['false', 'App has been detected as not running, releasing'],
    ['mixed', 'App is running in mixed mode, releasing'],
  ] as const)('releases the current release again when running is %s', async (running, warning) => {
    h = await psHost();
    await h.run('deploy', 'blog', 'blog:1');
    h.running.set('blog', running);

    const result = await h.run('ps:start', 'blog');

    expect(result).toEqual({ exitCode: 0, stdout: deployedOutput('blog'), stderr: ` !     ${warning}\n` });
    expect(h.deploys()).toHaveLength(2);
    expect(h.deploys()[1]).toEqual(h.deploys()[0]);
    expect(h.scheduler.methods().filter((m) => m === 'imageInfo')).toHaveLength(1);
  });

  it('does nothing for an app that already runs', async () => {
    h = await psHost();
    await h.run('deploy', 'blog', 'blog:1');

    expect(await h.run('ps:start', 'blog')).toEqual({ exitCode: 0, stdout: '', stderr: ' !     App blog already running\n' });
    expect(h.deploys()).toHaveLength(1);
  });

  it('clears the stopped mark once the app runs again', async () => {
    h = await psHost();
    await h.run('deploy', 'blog', 'blog:1');
    await h.run('ps:stop', 'blog');
    h.running.set('blog', 'false');

    await h.run('ps:start', 'blog');

    expect(h.props('blog').restore).toBeUndefined();
  });

  it('honours skip-deploy like every release-and-deploy', async () => {
    h = await psHost();
    await h.run('deploy', 'blog', 'blog:1');
    h.running.set('blog', 'false');
    await h.run('ps:set', 'blog', 'skip-deploy', 'true');

    expect((await h.run('ps:start', 'blog')).stdout).toBe('-----> Skipping deployment\n');
    expect(h.deploys()).toHaveLength(1);
  });

  it('warns and exits 0 for an app that was never deployed', async () => {
    h = await psHost();

    expect(await h.run('ps:start', 'blog')).toEqual({ exitCode: 0, stdout: '', stderr: ' !     App blog has not been deployed\n' });
  });

  it('exits 1 when the redeploy fails', async () => {
    h = await psHost();
    await h.run('deploy', 'blog', 'blog:1');
    h.running.set('blog', 'false');
    h.failDeploys('Could not start due to 1 failed checks (web.1)');

    const result = await h.run('ps:start', 'blog');

    expect(result.exitCode).toBe(1);
    expect(result.stderr).toBe(' !     App has been detected as not running, releasing\n !     Could not start due to 1 failed checks (web.1)\n');
  });
});
