import { afterEach, describe, expect, it } from '@jest/globals';
import { psHost, type PsHost } from './test-support/ps-host.js';

let h: PsHost;
afterEach(() => h.host.dispose());

/** blog ran web and worker (blog:1), then was deployed an image with a worker only: web keeps running. */
async function deployedWithoutWeb(): Promise<void> {
  h = await psHost({ images: { 'noweb:1': { procfile: 'worker: tick\n' } } });
  await h.run('deploy', 'blog', 'blog:1');
  await h.run('ps:scale', 'blog', 'worker=1');
  await h.run('deploy', 'blog', 'noweb:1');
}

describe('a process type the current image lacks', () => {
  it('ps:scale <type>=0 removes what still runs of it: a deploy of that type at quantity 0', async () => {
    await deployedWithoutWeb();

    const result = await h.run('ps:scale', 'blog', 'web=0');

    expect(result.exitCode).toBe(0);
    expect(h.deploys().at(-1)).toMatchObject({ processType: 'web', release: { processes: expect.arrayContaining([expect.objectContaining({ type: 'web', quantity: 0 })]) } });
    expect(h.props('blog').scale).toBe('worker=1\n');
  });

  it('ps:restart <type> skips it as Dokku does, and exits 0', async () => {
    await deployedWithoutWeb();
    const deploys = h.deploys().length;

    expect(await h.run('ps:restart', 'blog', 'web')).toEqual({ exitCode: 0, stdout: '', stderr: ' !     Skipping web as it is missing from the current Procfile\n' });
    expect(h.deploys()).toHaveLength(deploys);
  });

  it('ps:stop <type> and ps:restart <type> accept it while it still has containers, even out of the scale', async () => {
    await deployedWithoutWeb();
    await h.run('ps:scale', 'blog', 'web=0');

    expect(await h.run('ps:stop', 'blog', 'web')).toEqual({ exitCode: 0, stdout: '-----> Stopping blog (web)\n', stderr: '' });
    expect(h.scheduler.calls.at(-1)).toMatchObject({ method: 'stop', input: { app: 'blog', processType: 'web' } });
    expect((await h.run('ps:restart', 'blog', 'web')).stderr).toBe(' !     Skipping web as it is missing from the current Procfile\n');
  });

  it('a type neither scaled nor running is still refused', async () => {
    await deployedWithoutWeb();

    expect(await h.run('ps:stop', 'blog', 'clock')).toEqual({
      exitCode: 1,
      stdout: '',
      stderr: ' !     Process type clock is not defined for blog (process types: web, worker)\n',
    });
  });
});
