import { afterEach, describe, expect, it } from '@jest/globals';
import { definePlugin, releaseChecks } from '@pier/plugin-api';
import { deployedOutput, psHost, releasingOutput, type PsHost } from './test-support/ps-host.js';

let h: PsHost;
afterEach(() => h.host.dispose());

const appJson = (document: unknown) => JSON.stringify(document);

describe('deploy <app> <image>', () => {
  it('hands the scheduler a release built from the image’s Procfile, with Dokku’s lines around it', async () => {
    h = await psHost();

    const result = await h.run('deploy', 'blog', 'blog:1');

    expect(result).toEqual({ exitCode: 0, stdout: deployedOutput('blog'), stderr: '' });
    expect(h.deploys()).toEqual([
      {
        app: 'blog',
        release: {
          image: 'blog:1',
          processes: [
            { type: 'web', quantity: 1, command: 'httpd -p $PORT', maxParallel: 1, healthchecks: [], checks: 'enabled' },
            { type: 'worker', quantity: 0, command: 'tick', maxParallel: 1, healthchecks: [], checks: 'enabled' },
          ],
          env: {},
          restartPolicy: 'on-failure:10',
          stopTimeoutSeconds: 30,
          waitToRetireSeconds: 60,
          defaultUptimeSeconds: 10,
        },
      },
    ]);
  });

  it('asks the scheduler for the image first, then deploys', async () => {
    h = await psHost();

    await h.run('deploy', 'blog', 'blog:1');

    // …and then asks where the app answers, for the URLs after "Application deployed:".
    expect(h.scheduler.methods()).toEqual(['imageInfo', 'deploy', 'appStatus']);
    expect(h.scheduler.calls[0]?.input).toEqual({ app: 'blog', image: 'blog:1' });
  });

  it('remembers the image, its Procfile and the scale, and announces the deploy', async () => {
    h = await psHost();

    await h.run('deploy', 'blog', 'blog:1');

    expect(h.props('blog')).toEqual({
      image: 'blog:1',
      procfile: 'web: httpd -p $PORT\nworker: tick\n',
      scale: 'web=1\nworker=0\n',
    });
    expect(h.postDeploys).toEqual([{ app: 'blog', image: 'blog:1', source: 'docker-image' }]);
  });

  it('without a Procfile, runs only web with the image’s own command', async () => {
    h = await psHost();

    await h.run('deploy', 'blog', 'plain:1');

    expect(h.lastRelease().processes.map((p) => [p.type, p.quantity, p.command])).toEqual([['web', 1, null]]);
    expect(h.props('blog').procfile).toBeUndefined();
  });

  it('keeps the scale across deploys and adds new Procfile types at 0', async () => {
    h = await psHost({ images: { 'blog:2': { procfile: 'web: a\nworker: b\nclock: c' } } });
    await h.run('deploy', 'blog', 'blog:1');
    await h.run('ps:scale', 'blog', 'worker=3');

    await h.run('deploy', 'blog', 'blog:2');

    expect(h.lastRelease().processes.map((p) => [p.type, p.quantity])).toEqual([
      ['clock', 0],
      ['web', 1],
      ['worker', 3],
    ]);
  });

  it('warns about (and leaves out) a scaled type the new Procfile no longer has', async () => {
    h = await psHost({ images: { 'blog:2': { procfile: 'web: a' } } });
    await h.run('deploy', 'blog', 'blog:1');
    await h.run('ps:scale', 'blog', 'worker=2');

    const result = await h.run('deploy', 'blog', 'blog:2');

    expect(result.exitCode).toBe(0);
    expect(result.stderr).toBe(' !     Skipping worker as it is missing from the current Procfile\n');
    expect(h.lastRelease().processes.map((p) => p.type)).toEqual(['web']);
    expect(h.props('blog').scale).toBe('web=1\nworker=2\n');
  });

  it('lets an app.json formation set the scale and lock ps:scale', async () => {
    h = await psHost({
      images: { 'blog:2': { procfile: 'web: a\nworker: b', appJson: appJson({ formation: { worker: { quantity: 2, max_parallel: 2 } } }) } },
    });

    await h.run('deploy', 'blog', 'blog:2');

    expect(h.lastRelease().processes.map((p) => [p.type, p.quantity, p.maxParallel])).toEqual([
      ['web', 0, 1],
      ['worker', 2, 2],
    ]);
    expect(h.props('blog')['can-scale']).toBe('false');
  });

  it('passes app.json healthchecks on, warning about keys a release cannot carry', async () => {
    const checks = { healthchecks: { web: [{ path: '/', content: 'ok', attempts: 3, httpHeaders: [] }] } };
    h = await psHost({ images: { 'blog:2': { procfile: 'web: a', appJson: appJson(checks) } } });

    const result = await h.run('deploy', 'blog', 'blog:2');

    expect(result.stderr).toBe(' !     app.json healthchecks.web[0].httpHeaders is not supported and is ignored\n');
    expect(h.lastRelease().processes[0]?.healthchecks).toEqual([{ path: '/', content: 'ok', attempts: 3 }]);
  });

  it('takes restart policy, stop timeout and start command from ps properties', async () => {
    h = await psHost();
    await h.run('ps:set', 'blog', 'restart-policy', 'always');
    await h.run('ps:set', '--global', 'stop-timeout-seconds', '5');
    await h.run('ps:set', 'blog', 'dockerfile-start-cmd', 'node app.js');

    await h.run('deploy', 'blog', 'blog:1');

    expect(h.lastRelease()).toMatchObject({ restartPolicy: 'always', stopTimeoutSeconds: 5 });
    expect(h.lastRelease().processes.map((p) => p.command)).toEqual(['node app.js', 'node app.js']);
  });

  it('asks the checks provider for per-type modes and durations', async () => {
    const asked: unknown[] = [];
    const checks = definePlugin({
      name: 'fake-checks',
      register: ({ bus }) =>
        void bus.tap(releaseChecks, (input) => {
          asked.push(input);
          return { modes: { worker: 'disabled' as const }, waitToRetireSeconds: 7, defaultUptimeSeconds: 3 };
        }),
    });
    h = await psHost({ plugins: [checks] });

    await h.run('deploy', 'blog', 'blog:1');

    expect(asked).toEqual([{ app: 'blog', processTypes: ['web', 'worker'] }]);
    expect(h.lastRelease()).toMatchObject({ waitToRetireSeconds: 7, defaultUptimeSeconds: 3 });
    expect(h.lastRelease().processes.map((p) => p.checks)).toEqual(['enabled', 'disabled']);
  });

  it('prepares the release but skips the deploy when skip-deploy is true', async () => {
    h = await psHost();
    await h.run('ps:set', 'blog', 'skip-deploy', 'true');

    const result = await h.run('deploy', 'blog', 'blog:1');

    expect(result).toEqual({ exitCode: 0, stdout: '-----> Skipping deployment\n', stderr: '' });
    expect(h.deploys()).toEqual([]);
    expect(h.postDeploys).toEqual([]);
    expect(h.props('blog').image).toBe('blog:1');
  });

  it('warns that a custom procfile-path is not read yet', async () => {
    h = await psHost();
    await h.run('ps:set', 'blog', 'procfile-path', '.pier/Procfile');

    const result = await h.run('deploy', 'blog', 'blog:1');

    expect(result.stderr).toBe(' !     procfile-path .pier/Procfile is not supported yet; reading Procfile from the image\n');
    expect(result.exitCode).toBe(0);
  });

  describe('a failed deploy', () => {
    it('exits 1 with the scheduler’s message and keeps the previous image and scale', async () => {
      h = await psHost({ images: { 'blog:2': { procfile: 'web: a\nworker: b\nclock: c' } } });
      await h.run('deploy', 'blog', 'blog:1');
      const before = h.props('blog');
      h.failDeploys('Could not start due to 1 failed checks (web.1)');

      const result = await h.run('deploy', 'blog', 'blog:2');

      expect(result).toEqual({
        exitCode: 1,
        stdout: releasingOutput('blog'),
        stderr: ' !     Could not start due to 1 failed checks (web.1)\n',
      });
      expect(h.props('blog')).toEqual(before);
      expect(h.postDeploys).toHaveLength(1);
    });

    it('releases the app lock', async () => {
      h = await psHost();
      h.failDeploys('boom');

      await h.run('deploy', 'blog', 'blog:1');

      expect(h.host.registry?.locks.size).toBe(0);
    });
  });

  describe('bad input: one line on stderr, non-zero exit, nothing changed', () => {
    it.each([
      ['no app', [], 1, 'Please specify an app to run the command on'],
      ['an unknown app', ['nope', 'blog:1'], 20, 'App nope does not exist'],
      ['no image', ['blog'], 1, 'Please specify an image to deploy'],
      ['an extra argument', ['blog', 'blog:1', 'x'], 1, 'Unexpected argument x'],
      ['an unknown flag', ['blog', 'blog:1', '--colour'], 1, 'unknown flag: --colour'],
      ['a missing image (from the scheduler)', ['blog', 'nope:1'], 1, 'Image nope:1 not found'],
    ])('%s', async (_name, args, exitCode, message) => {
      h = await psHost();

      expect(await h.run('deploy', ...args)).toEqual({ exitCode, stdout: '', stderr: ` !     ${message}\n` });
      expect(h.deploys()).toEqual([]);
      expect(h.props('blog')).toEqual({});
    });

    it.each([
      ['a bad Procfile', { procfile: 'web: a\nweb: b' }, 'Invalid Procfile: process names must be unique, line 2'],
      ['malformed app.json', { procfile: 'web: a', appJson: '{"formation": ' }, /^Invalid app\.json: not valid JSON/],
      ['an app.json formation for an undefined type', { procfile: 'web: a', appJson: appJson({ formation: { worker: { quantity: 1 } } }) }, 'Invalid app.json: formation.worker is not a process type of the image (the Procfile defines web)'],
    ])('%s', async (_name, image, message) => {
      h = await psHost({ images: { 'bad:1': image } });
      await h.run('deploy', 'blog', 'blog:1');
      const before = h.props('blog');

      const result = await h.run('deploy', 'blog', 'bad:1');

      expect(result.exitCode).toBe(1);
      expect(result.stdout).toBe('');
      expect(result.stderr.split('\n')).toHaveLength(2);
      expect(result.stderr.slice(' !     '.length, -1)).toMatch(message);
      expect(h.deploys()).toHaveLength(1);
      expect(h.props('blog')).toEqual(before);
    });

    it('refuses while another command holds the app lock, naming it', async () => {
      h = await psHost();
      h.host.registry?.locks.set('blog', { holder: 'ps:restart', token: 'other' });

      expect(await h.run('deploy', 'blog', 'blog:1')).toEqual({ exitCode: 1, stdout: '', stderr: ' !     App blog is locked by ps:restart\n' });
      expect(h.scheduler.calls).toEqual([]);
    });
  });
});

describe('deploy <app> <image>: what ps remembers while the scheduler deploys', () => {
  it('the new release before the scheduler swaps it in (a kill -9 after the swap cannot roll ps:restart back)', async () => {
    let seen: Record<string, string> = {};
    h = await psHost({ images: { 'blog:2': { procfile: 'web: new' } }, scheduler: { deploy: ({ app }) => void (seen = h.props(app)) } });
    await h.run('deploy', 'blog', 'blog:1');

    await h.run('deploy', 'blog', 'blog:2');

    expect(seen).toMatchObject({ image: 'blog:2', procfile: 'web: new', scale: 'web=1\n' });
  });

  it('the previous release again, exactly, when the deploy fails', async () => {
    h = await psHost({ images: { 'blog:2': { procfile: 'web: a', appJson: JSON.stringify({ formation: { web: { quantity: 2 } } }) } } });
    await h.run('deploy', 'blog', 'blog:1');
    const before = h.props('blog');
    h.failDeploys('boom');

    expect((await h.run('deploy', 'blog', 'blog:2')).exitCode).toBe(1);

    expect(h.props('blog')).toEqual(before);
  });

  it('tells the scheduler which scaled types the image lacks, so it keeps them running', async () => {
    h = await psHost({ images: { 'worker-only:1': { procfile: 'worker: sleep 3600' } } });
    await h.run('deploy', 'blog', 'blog:1');

    const result = await h.run('deploy', 'blog', 'worker-only:1');

    expect(result.stderr).toBe(' !     Skipping web as it is missing from the current Procfile\n');
    expect(h.lastRelease()).toMatchObject({ processes: [{ type: 'worker', quantity: 0 }], retainedTypes: ['web'] });
    expect(h.props('blog').scale).toBe('web=1\nworker=0\n');
  });
});
