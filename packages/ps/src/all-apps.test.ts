import { afterEach, describe, expect, it } from '@jest/globals';
import { availableParallelism } from 'node:os';
import { createOutput, ErrorCodes, PierError } from '@pier/plugin-api';
import { forEachApp } from './all-apps.js';
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

describe('an interrupt during an --all run', () => {
  const interrupted = (signal: NodeJS.Signals, exitCode: number) =>
    new PierError(ErrorCodes.INTERRUPTED, `Deploy interrupted by ${signal}: the new containers were stopped (see logs:failed); the previous ones keep running`, { exitCode });
  /** A watch the test fires; `fire` stands for the process signal every listener sees. */
  function manualWatch() {
    const watch = { signal: null as NodeJS.Signals | null, stop: () => undefined, fire: (signal: NodeJS.Signals) => void (watch.signal = signal) };
    return watch;
  }

  it('stops at the interrupted app: the remaining ones are not touched, and the command exits as the signal', async () => {
    h = await psHost({ apps: ['blog', 'shop', 'wiki'] });
    for (const app of ['blog', 'shop', 'wiki']) await h.run('deploy', app, 'blog:1');
    h.onDeploy(({ app }) => {
      if (app === 'shop') throw interrupted('SIGTERM', 143);
    });

    const result = await h.run('ps:restart', '--all');

    expect(result.exitCode).toBe(143);
    expect(result.stdout.split('\n').filter((l) => l.startsWith('-----> Running'))).toEqual([
      '-----> Running restart against app blog',
      '-----> Running restart against app shop',
    ]);
    expect(result.stderr.split('\n').slice(-3)).toEqual([
      ' !     Error running restart against app shop: Deploy interrupted by SIGTERM: the new containers were stopped (see logs:failed); the previous ones keep running',
      ' !     restart interrupted by SIGTERM; not run against wiki',
      '',
    ]);
    expect(h.deploys().slice(3).map((d) => d.app)).toEqual(['blog', 'shop']);
  });

  it('stops after an app whose deploy finished regardless (the signal came while it switched containers in)', async () => {
    h = await psHost({ apps: ['blog', 'shop', 'wiki'] });
    for (const app of ['blog', 'shop', 'wiki']) await h.run('deploy', app, 'blog:1');
    const watch = manualWatch();
    const done: string[] = [];

    const run = forEachApp(h.host.bus, createOutput(h.host.io), 'restart', undefined, async (app) => {
      done.push(app);
      if (app === 'blog') watch.fire('SIGINT');
    }, () => watch);

    await expect(run).rejects.toMatchObject({ code: ErrorCodes.INTERRUPTED, exitCode: 130, message: 'restart interrupted by SIGINT; not run against shop, wiki' });
    expect(done).toEqual(['blog']);
  });

  it('in parallel: starts no further app, lets the ones in flight end, and names those never started', async () => {
    h = await psHost({ apps: ['a1', 'a2', 'a3', 'a4', 'a5'] });
    const watch = manualWatch();
    const started: string[] = [];
    let release: () => void = () => undefined;
    const blocked = new Promise<void>((resolve) => (release = resolve));

    const run = forEachApp(h.host.bus, createOutput(h.host.io), 'stop', '2', async (app) => {
      started.push(app);
      if (app === 'a2') {
        watch.fire('SIGINT');
        release();
        throw interrupted('SIGINT', 130);
      }
      await blocked;
    }, () => watch);

    await expect(run).rejects.toMatchObject({ exitCode: 130, message: 'stop interrupted by SIGINT; not run against a3, a4, a5' });
    expect(started).toEqual(['a1', 'a2']);
  });
});
