import { afterEach, describe, expect, it } from '@jest/globals';
import { availableParallelism } from 'node:os';
import { psHost, type PsHost } from './test-support/ps-host.js';

let h: PsHost;
afterEach(() => h.host.dispose());

const stopped = () => h.scheduler.calls.filter((c) => c.method === 'stop').map((c) => (c.input as { app: string }).app);

describe('--all runners', () => {
  it('run serially by default, with Dokku’s lines per app', async () => {
    h = await psHost({ apps: ['blog', 'shop', 'wiki'] });
    await h.run('deploy', 'blog', 'blog:1');
    await h.run('deploy', 'wiki', 'blog:1');

    const result = await h.run('ps:stop', '--all');

    expect(result).toEqual({
      exitCode: 0,
      stdout: [
        '-----> Running stop against app blog',
        '-----> Stopping blog',
        '-----> Running stop against app shop',
        '-----> Running stop against app wiki',
        '-----> Stopping wiki',
        '',
      ].join('\n'),
      stderr: ' !     Running stop in serial mode\n !     App shop has not been deployed\n',
    });
    expect(stopped()).toEqual(['blog', 'wiki']);
  });

  it('carry on after a failing app and fail at the end with the count', async () => {
    h = await psHost({ apps: ['blog', 'shop'] });
    await h.run('deploy', 'blog', 'blog:1');
    await h.run('deploy', 'shop', 'blog:1');
    h.failDeploys('boom');

    const result = await h.run('ps:restart', '--all');

    expect(result.exitCode).toBe(1);
    expect(result.stderr).toBe(
      [
        ' !     Running restart in serial mode',
        ' !     Error running restart against app blog: boom',
        ' !     Error running restart against app shop: boom',
        ' !     restart command returned 2 errors',
        '',
      ].join('\n'),
    );
  });

  it('use a worker pool with --parallel N', async () => {
    h = await psHost({ apps: ['blog', 'shop', 'wiki'] });
    for (const app of ['blog', 'shop', 'wiki']) await h.run('deploy', app, 'blog:1');

    const result = await h.run('ps:stop', '--all', '--parallel', '2');

    expect(result.exitCode).toBe(0);
    expect(result.stderr).toBe('');
    expect(result.stdout.split('\n').filter((l) => l.startsWith('-----> Running command against'))).toEqual([
      '-----> Running command against blog',
      '-----> Running command against shop',
      '-----> Running command against wiki',
    ]);
    expect(stopped().sort()).toEqual(['blog', 'shop', 'wiki']);
  });

  it('report failures of a parallel run with Dokku’s message', async () => {
    h = await psHost({ apps: ['blog', 'shop'] });
    for (const app of ['blog', 'shop']) await h.run('deploy', app, 'blog:1');
    h.failDeploys('boom');

    const result = await h.run('ps:restart', '--all', '--parallel', '4');

    expect(result.exitCode).toBe(1);
    expect(result.stderr.split('\n').sort()).toEqual(
      ['', ' !     Encountered 2 errors during parallel run', ' !     Error running restart against blog: boom', ' !     Error running restart against shop: boom'].sort(),
    );
  });

  it('take --parallel -1 as the CPU count', async () => {
    h = await psHost({ apps: ['blog'] });

    const result = await h.run('ps:start', '--all', '--parallel', '-1');

    expect(result.stderr.split('\n')[0]).toBe(` !     Setting --parallel=-1 value to CPU count of ${availableParallelism()}`);
  });

  it.each(['-2', 'two'])('refuse --parallel %s', async (value) => {
    h = await psHost();

    expect(await h.run('ps:rebuild', '--all', '--parallel', value)).toEqual({
      exitCode: 1,
      stdout: '',
      stderr: ` !     Invalid value ${value} for --parallel flag\n`,
    });
  });

  it('warn and exit 0 when there are no apps', async () => {
    h = await psHost({ apps: [] });

    expect(await h.run('ps:start', '--all')).toEqual({ exitCode: 0, stdout: '', stderr: " !     You haven't deployed any applications yet\n" });
  });

  it('rebuild every app from its own image', async () => {
    h = await psHost({ apps: ['blog', 'shop'] });
    await h.run('deploy', 'blog', 'blog:1');
    await h.run('deploy', 'shop', 'plain:1');

    await h.run('ps:rebuild', '--all');

    expect(h.deploys().slice(2).map((d) => [d.app, d.release.image])).toEqual([
      ['blog', 'blog:1'],
      ['shop', 'plain:1'],
    ]);
  });
});

describe('--parallel without a value', () => {
  it('is a usage error, not a silent single-app run', async () => {
    h = await psHost();

    expect(await h.run('ps:stop', '--parallel', '--all')).toEqual({ exitCode: 1, stdout: '', stderr: ' !     flag needs an argument: --parallel\n' });
  });
});
