import { afterEach, describe, expect, it } from '@jest/globals';
import { ErrorCodes, PierError } from '@pier/plugin-api';
import { psHost, type PsHost } from './test-support/ps-host.js';

let h: PsHost;
afterEach(() => h.host.dispose());

describe('ps:scale <app> (report)', () => {
  it('prints Dokku’s table, web=1 for a new app', async () => {
    h = await psHost();

    expect(await h.run('ps:scale', 'blog')).toEqual({
      exitCode: 0,
      stdout: '-----> Scaling for blog\nproctype: qty\n--------: ---\nweb:  1\n',
      stderr: '',
    });
  });

  it('pads short types to five columns and sorts them', async () => {
    h = await psHost();
    await h.run('deploy', 'blog', 'blog:1');
    await h.run('ps:scale', 'blog', 'worker=12');

    expect((await h.run('ps:scale', 'blog')).stdout).toBe('-----> Scaling for blog\nproctype: qty\n--------: ---\nweb:  1\nworker: 12\n');
  });

  it('prints only the rows with --quiet', async () => {
    h = await psHost({ quiet: true });

    expect((await h.run('ps:scale', 'blog')).stdout).toBe('web:  1\n');
  });

  it('prints JSON with --format json', async () => {
    h = await psHost();
    await h.run('deploy', 'blog', 'blog:1');

    expect((await h.run('ps:scale', '--format', 'json', 'blog')).stdout).toBe(
      '[{"process_type":"web","quantity":1},{"process_type":"worker","quantity":0}]\n',
    );
  });

  it('refuses another format', async () => {
    h = await psHost();

    expect(await h.run('ps:scale', '--format', 'yaml', 'blog')).toEqual({
      exitCode: 1,
      stdout: '',
      stderr: ' !     Format must be "stdout" or "json": "yaml"\n',
    });
  });
});

describe('ps:scale <app> <type>=<n>...', () => {
  it('redeploys only the types whose count changed, one at a time', async () => {
    h = await psHost({ images: { 'blog:3': { procfile: 'web: a\nworker: b\nclock: c' } } });
    await h.run('deploy', 'blog', 'blog:3');

    const result = await h.run('ps:scale', 'blog', 'web=1', 'worker=2', 'clock=1');

    // The scheduler's output, then the URLs as after a deploy: in host mode the ports moved.
    expect(result).toEqual({ exitCode: 0, stdout: '-----> Scaling blog processes: web=1 worker=2 clock=1\n=====> Application deployed:\n\n', stderr: '' });
    expect(h.deploys().slice(1).map((d) => d.processType)).toEqual(['worker', 'clock']);
    expect(h.lastRelease().processes.map((p) => [p.type, p.quantity])).toEqual([
      ['clock', 1],
      ['web', 1],
      ['worker', 2],
    ]);
    expect(h.props('blog').scale).toBe('clock=1\nweb=1\nworker=2\n');
    expect(h.postDeploys).toHaveLength(2);
  });

  it('only saves the scale with --skip-deploy', async () => {
    h = await psHost();
    await h.run('deploy', 'blog', 'blog:1');

    await h.run('ps:scale', '--skip-deploy', 'blog', 'worker=2');

    expect(h.deploys()).toHaveLength(1);
    expect(h.props('blog').scale).toBe('web=1\nworker=2\n');
  });

  it('only saves the scale of an app that is not deployed, whatever the type', async () => {
    h = await psHost();

    expect(await h.run('ps:scale', 'blog', 'worker=2')).toEqual({ exitCode: 0, stdout: '-----> Scaling blog processes: worker=2\n', stderr: '' });
    expect(h.deploys()).toEqual([]);
    expect(h.props('blog').scale).toBe('web=1\nworker=2\n');
  });

  it('deploys nothing when no count changes', async () => {
    h = await psHost();
    await h.run('deploy', 'blog', 'blog:1');

    await h.run('ps:scale', 'blog', 'web=1');

    expect(h.deploys()).toHaveLength(1);
    expect(h.postDeploys).toHaveLength(1);
  });

  it('saves the new scale before redeploying (a kill -9 after the first type leaves no stale scale)', async () => {
    const seen: string[] = [];
    h = await psHost({ scheduler: { deploy: ({ app }) => void (seen.push(h.props(app).scale ?? ''), h.deployed.add(app)) } });
    await h.run('deploy', 'blog', 'blog:1');

    await h.run('ps:scale', 'blog', 'web=2');

    expect(seen).toEqual(['web=1\nworker=0\n', 'web=2\nworker=0\n']);
  });

  it('keeps the counts that were deployed when a later type fails', async () => {
    const failWorker = ({ processType }: { processType?: string | undefined }) => {
      if (processType === 'worker') throw new PierError(ErrorCodes.DEPLOY_FAILED, 'Could not start due to 1 failed checks (worker.2)');
    };
    h = await psHost({ images: { 'blog:3': { procfile: 'web: a\nworker: b\nclock: c' } }, scheduler: { deploy: failWorker } });
    await h.run('deploy', 'blog', 'blog:3');
    h.deployed.add('blog');

    const result = await h.run('ps:scale', 'blog', 'web=3', 'worker=2');

    expect(result.exitCode).toBe(1);
    expect(result.stderr).toBe(' !     Could not start due to 1 failed checks (worker.2)\n');
    expect(h.deploys().slice(1).map((d) => d.processType)).toEqual(['web', 'worker']);
    expect(h.props('blog').scale).toBe('clock=0\nweb=3\nworker=0\n');
  });

  it.each([
    [['blog', 'web'], 'Missing count for process type web'],
    [['blog', 'web=x'], 'Invalid count for process type web'],
    [['blog', 'web=-2'], 'Invalid count for process type web'],
    [['blog', 'Web=1'], 'Web is not a valid process name to scale up'],
  ])('%j is refused with one line and changes nothing', async (args, message) => {
    h = await psHost();
    await h.run('deploy', 'blog', 'blog:1');

    expect(await h.run('ps:scale', ...args)).toEqual({ exitCode: 1, stdout: '', stderr: ` !     ${message}\n` });
    expect(h.props('blog').scale).toBe('web=1\nworker=0\n');
  });

  it('refuses scaling up a type the deployed image does not define', async () => {
    h = await psHost();
    await h.run('deploy', 'blog', 'blog:1');

    expect(await h.run('ps:scale', 'blog', 'clock=1')).toEqual({
      exitCode: 1,
      stdout: '',
      stderr: ' !     clock is not a valid process name to scale up\n',
    });
  });

  it('without a Procfile only web can be scaled', async () => {
    h = await psHost();
    await h.run('deploy', 'blog', 'plain:1');

    expect((await h.run('ps:scale', 'blog', 'worker=1')).stderr).toBe(' !     worker is not a valid process name to scale up\n');
    expect((await h.run('ps:scale', 'blog', 'web=3')).exitCode).toBe(0);
    expect(h.lastRelease().processes.map((p) => [p.type, p.quantity, p.command])).toEqual([['web', 3, null]]);
  });

  it('refuses when the app.json formation owns the scale', async () => {
    h = await psHost({ images: { 'blog:2': { procfile: 'web: a', appJson: '{"formation":{"web":{"quantity":2}}}' } } });
    await h.run('deploy', 'blog', 'blog:2');

    expect(await h.run('ps:scale', 'blog', 'web=3')).toEqual({
      exitCode: 1,
      stdout: '',
      stderr: ' !     App blog contains an app.json file with a formations key and cannot be manually scaled\n',
    });
    expect(h.props('blog').scale).toBe('web=2\n');
  });

  it('refuses an unknown app with exit 20', async () => {
    h = await psHost();

    expect(await h.run('ps:scale', 'nope', 'web=1')).toEqual({ exitCode: 20, stdout: '', stderr: ' !     App nope does not exist\n' });
  });
});
