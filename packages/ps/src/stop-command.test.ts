import { afterEach, describe, expect, it } from '@jest/globals';
import { psHost, type PsHost } from './test-support/ps-host.js';

let h: PsHost;
afterEach(() => h.host.dispose());

const stops = () => h.scheduler.calls.filter((c) => c.method === 'stop').map((c) => c.input);

describe('ps:stop', () => {
  it('stops the app through its scheduler and marks it not to be restored', async () => {
    h = await psHost();
    await h.run('deploy', 'blog', 'blog:1');

    expect(await h.run('ps:stop', 'blog')).toEqual({ exitCode: 0, stdout: '-----> Stopping blog\n', stderr: '' });
    expect(stops()).toEqual([{ app: 'blog', removeContainers: false }]);
    expect(h.props('blog').restore).toBe('false');
  });

  it('stops one process type (a Pier extension), leaving restore alone', async () => {
    h = await psHost();
    await h.run('deploy', 'blog', 'blog:1');

    expect(await h.run('ps:stop', 'blog', 'worker')).toEqual({ exitCode: 0, stdout: '-----> Stopping blog (worker)\n', stderr: '' });
    expect(stops()).toEqual([{ app: 'blog', removeContainers: false, processType: 'worker' }]);
    expect(h.props('blog').restore).toBeUndefined();
  });

  it('refuses a process type the app does not have', async () => {
    h = await psHost();
    await h.run('deploy', 'blog', 'blog:1');

    expect(await h.run('ps:stop', 'blog', 'clock')).toEqual({
      exitCode: 1,
      stdout: '',
      stderr: ' !     Process type clock is not defined for blog (process types: web, worker)\n',
    });
    expect(stops()).toEqual([]);
  });

  it('warns and exits 0 for an app that was never deployed', async () => {
    h = await psHost();

    expect(await h.run('ps:stop', 'blog')).toEqual({ exitCode: 0, stdout: '', stderr: ' !     App blog has not been deployed\n' });
    expect(stops()).toEqual([]);
  });

  it('prints nothing but the scheduler’s output with --quiet', async () => {
    h = await psHost({ quiet: true });
    await h.run('deploy', 'blog', 'blog:1');

    expect((await h.run('ps:stop', 'blog')).stdout).toBe('');
    expect(stops()).toHaveLength(1);
  });

  it.each([
    [[], 1, 'Please specify an app to run the command on'],
    [['nope'], 20, 'App nope does not exist'],
    [['--all', 'web'], 1, 'Unable to stop all apps when specifying a process name'],
  ])('%j → exit %i: %s', async (args, exitCode, message) => {
    h = await psHost();

    expect(await h.run('ps:stop', ...args)).toEqual({ exitCode, stdout: '', stderr: ` !     ${message}\n` });
  });

  it('refuses while the app is locked', async () => {
    h = await psHost();
    await h.run('deploy', 'blog', 'blog:1');
    h.host.registry?.locks.set('blog', { holder: 'deploy', token: 't' });

    expect(await h.run('ps:stop', 'blog')).toEqual({ exitCode: 1, stdout: '', stderr: ' !     App blog is locked by deploy\n' });
    expect(stops()).toEqual([]);
  });
});
