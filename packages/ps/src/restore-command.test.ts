import { afterEach, describe, expect, it } from '@jest/globals';
import { deployedOutput, psHost, type PsHost } from './test-support/ps-host.js';

let h: PsHost;
afterEach(() => h.host.dispose());

describe('ps:restore', () => {
  it('starts a deployed app that is down, after the scheduler’s pre-restore cleanup', async () => {
    h = await psHost();
    await h.run('deploy', 'blog', 'blog:1');
    h.running.set('blog', 'false');

    const result = await h.run('ps:restore', 'blog');

    expect(result).toEqual({
      exitCode: 0,
      stdout: `-----> Starting app\n${deployedOutput('blog')}`,
      stderr: ' !     App has been detected as not running, releasing\n',
    });
    expect(h.scheduler.methods().slice(3, 5)).toEqual(['preRestore', 'isDeployed']);
  });

  it('leaves an app stopped with ps:stop alone', async () => {
    h = await psHost();
    await h.run('deploy', 'blog', 'blog:1');
    await h.run('ps:stop', 'blog');

    expect(await h.run('ps:restore', 'blog')).toEqual({
      exitCode: 0,
      stdout: '',
      stderr: ' !     Skipping ps:restore for blog as restore property is false\n',
    });
    expect(h.deploys()).toHaveLength(1);
  });

  it('goes over every app when none is given', async () => {
    h = await psHost();
    await h.run('deploy', 'blog', 'blog:1');

    const result = await h.run('ps:restore');

    expect(result.exitCode).toBe(0);
    expect(result.stderr).toBe(
      [
        ' !     Restore specified without app, assuming --all',
        ' !     Running restore in serial mode',
        ' !     App blog already running',
        ' !     App shop has not been deployed',
        '',
      ].join('\n'),
    );
    expect(result.stdout).toBe('-----> Running restore against app blog\n-----> Starting app\n-----> Running restore against app shop\n');
  });

  it('works with a scheduler that has nothing to clean up', async () => {
    h = await psHost({ without: ['preRestore'] });
    await h.run('deploy', 'blog', 'blog:1');
    h.running.set('blog', 'false');

    expect((await h.run('ps:restore', 'blog')).exitCode).toBe(0);
    expect(h.deploys()).toHaveLength(2);
  });
});
