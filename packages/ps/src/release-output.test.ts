import { afterEach, describe, expect, it } from '@jest/globals';
import { deployedOutput, psHost, type PsHost } from './test-support/ps-host.js';

let h: PsHost;
afterEach(() => h.host.dispose());

const withWebCheck = { procfile: 'web: a', appJson: JSON.stringify({ healthchecks: { web: [{ path: '/' }] } }) };

describe('the lines around a release-and-deploy', () => {
  it('Releasing, the checks notice, the scheduler; then Application deployed and a blank line', async () => {
    h = await psHost();

    expect((await h.run('deploy', 'blog', 'blog:1')).stdout).toBe(deployedOutput('blog'));
  });

  it('no notice when app.json has web healthchecks', async () => {
    h = await psHost({ images: { 'blog:2': withWebCheck } });

    expect((await h.run('deploy', 'blog', 'blog:2')).stdout).toBe(
      '-----> Releasing blog...\n=====> Processing deployment checks\n-----> Deploying blog via the docker-local scheduler...\n=====> Application deployed:\n\n',
    );
  });

  it('PIER_CHECKS_URL replaces the documentation link, as DOKKU_CHECKS_URL does', async () => {
    h = await psHost({ env: { PIER_CHECKS_URL: 'https://docs.example/checks' } });

    expect((await h.run('deploy', 'blog', 'blog:1')).stdout).toContain('See https://docs.example/checks for examples\n');
  });

  it('lists the URLs the scheduler knows, indented, after Application deployed', async () => {
    h = await psHost({
      scheduler: { appStatus: () => ({ processes: 2, running: 'true', containers: [], urls: ['http://127.0.0.1:40001', 'http://127.0.0.1:40002'] }) },
    });

    expect((await h.run('deploy', 'blog', 'blog:1')).stdout).toMatch(/=====> Application deployed:\n {7}http:\/\/127\.0\.0\.1:40001\n {7}http:\/\/127\.0\.0\.1:40002\n\n$/);
  });

  it('a scheduler that cannot report the app afterwards does not fail a deploy that happened', async () => {
    h = await psHost({
      scheduler: {
        appStatus: () => {
          throw new Error('engine gone');
        },
      },
    });

    expect(await h.run('deploy', 'blog', 'blog:1')).toMatchObject({ exitCode: 0, stdout: deployedOutput('blog') });
  });

  it('ps:start prints them too; ps:restart and ps:scale only the scheduler’s output and the URLs', async () => {
    h = await psHost({ scheduler: { appStatus: () => ({ processes: 1, running: 'false', containers: [], urls: ['http://127.0.0.1:40003'] }) } });
    await h.run('deploy', 'blog', 'blog:1');
    const urls = '=====> Application deployed:\n       http://127.0.0.1:40003\n\n';

    expect((await h.run('ps:start', 'blog')).stdout).toMatch(new RegExp(`^-----> Releasing blog\\.\\.\\.\\n[^]*${urls}$`));
    expect((await h.run('ps:restart', 'blog')).stdout).toBe(urls);
    expect((await h.run('ps:scale', 'blog', 'web=2')).stdout).toBe(`-----> Scaling blog processes: web=2\n${urls}`);
  });

  it('no checks notice for an image without web: there is no web to check', async () => {
    h = await psHost({ images: { 'noweb:1': { procfile: 'worker: tick\n' } } });

    expect((await h.run('deploy', 'blog', 'noweb:1')).stdout).not.toContain('No web healthchecks');
  });
});
