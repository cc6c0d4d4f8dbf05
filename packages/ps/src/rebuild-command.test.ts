import { afterEach, describe, expect, it } from '@jest/globals';
import { deployedOutput, psHost, type PsHost } from './test-support/ps-host.js';

let h: PsHost;
afterEach(() => h.host.dispose());

describe('ps:rebuild', () => {
  it('deploys the remembered image again, reading its Procfile anew', async () => {
    const images = { 'blog:latest': { procfile: 'web: old' } };
    h = await psHost({ images });
    await h.run('deploy', 'blog', 'blog:latest');
    images['blog:latest'].procfile = 'web: new';

    const result = await h.run('ps:rebuild', 'blog');

    expect(result).toEqual({ exitCode: 0, stdout: deployedOutput('blog'), stderr: '' });
    expect(h.scheduler.methods()).toEqual(['imageInfo', 'deploy', 'appStatus', 'imageInfo', 'deploy', 'appStatus']);
    expect(h.lastRelease().processes.map((p) => p.command)).toEqual(['new']);
    expect(h.props('blog').procfile).toBe('web: new');
  });

  it('warns and exits 0 for an app that was never deployed', async () => {
    h = await psHost();

    expect(await h.run('ps:rebuild', 'blog')).toEqual({ exitCode: 0, stdout: '', stderr: ' !     App blog has not been deployed\n' });
    expect(h.scheduler.calls).toEqual([]);
  });

  it('fails with the scheduler’s message when the image is gone', async () => {
    const images: Record<string, { procfile?: string }> = { 'blog:9': { procfile: 'web: a' } };
    h = await psHost({ images });
    await h.run('deploy', 'blog', 'blog:9');
    delete images['blog:9'];

    expect(await h.run('ps:rebuild', 'blog')).toEqual({ exitCode: 1, stdout: '', stderr: ' !     Image blog:9 not found\n' });
  });
});
