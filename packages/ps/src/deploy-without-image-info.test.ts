import { afterEach, describe, expect, it } from '@jest/globals';
import { deployedOutput, psHost, type PsHost } from './test-support/ps-host.js';

// A scheduler for a platform that cannot look inside images implements only the required
// methods. `pier deploy` must still work with it: nothing is read from the image.
let h: PsHost;
afterEach(() => h.host.dispose());

const notice = "       The docker-local scheduler does not read images: no Procfile or app.json, web runs the image's own command\n";

describe('deploy through a scheduler without imageInfo', () => {
  it("deploys web with the image's own command, and says why nothing was read from the image", async () => {
    h = await psHost({ without: ['imageInfo'] });

    const result = await h.run('deploy', 'blog', 'registry.example/blog:1');

    expect(result).toEqual({ exitCode: 0, stdout: notice + deployedOutput('blog'), stderr: '' });
    expect(h.scheduler.methods()).toEqual(['deploy', 'appStatus']);
    expect(h.lastRelease()).toMatchObject({ image: 'registry.example/blog:1', processes: [{ type: 'web', quantity: 1, command: null }] });
    expect(h.props('blog')).toEqual({ image: 'registry.example/blog:1', scale: 'web=1\n' });
  });

  it('takes the quantities from the formation (ps:scale), as for an image without a Procfile', async () => {
    h = await psHost({ without: ['imageInfo'] });
    await h.run('deploy', 'blog', 'blog:1');
    await h.run('ps:scale', 'blog', 'web=3');

    await h.run('ps:rebuild', 'blog');

    expect(h.lastRelease().processes.map((p) => [p.type, p.quantity, p.command])).toEqual([['web', 3, null]]);
  });
});
