import { afterEach, describe, expect, it } from '@jest/globals';
import { reportCollect } from '@pier/plugin-api';
import { psHost, type PsHost } from './test-support/ps-host.js';

let h: PsHost;
afterEach(() => h.host.dispose());

const withUrls = {
  appStatus: () => ({
    processes: 3,
    running: 'true' as const,
    containers: [
      { dyno: 'web.1', state: 'running', id: '0123456789abcdef0123', url: 'http://127.0.0.1:40001' },
      { dyno: 'web.2', state: 'running', id: '1123456789abcdef0123', url: 'http://127.0.0.1:40002' },
      { dyno: 'worker.1', state: 'running', id: '2123456789abcdef0123' },
    ],
    urls: ['http://127.0.0.1:40001', 'http://127.0.0.1:40002'],
  }),
};

describe('urls and url', () => {
  it('print the URLs the scheduler reports, one per line, or the first', async () => {
    h = await psHost({ scheduler: withUrls });

    expect(await h.run('urls', 'blog')).toEqual({ exitCode: 0, stdout: 'http://127.0.0.1:40001\nhttp://127.0.0.1:40002\n', stderr: '' });
    expect(await h.run('url', 'blog')).toEqual({ exitCode: 0, stdout: 'http://127.0.0.1:40001\n', stderr: '' });
  });

  it('print nothing for an app without URLs, and refuse an unknown app', async () => {
    h = await psHost();

    expect(await h.run('urls', 'blog')).toEqual({ exitCode: 0, stdout: '', stderr: '' });
    expect(await h.run('url', 'nope')).toEqual({ exitCode: 20, stdout: '', stderr: ' !     App nope does not exist\n' });
  });
});

describe('ps:report', () => {
  it('lists each instance’s URL under its own key (`Url web 1:`), next to its status', async () => {
    h = await psHost({ scheduler: withUrls });
    await h.run('deploy', 'blog', 'blog:1');

    const { flags } = await h.host.bus.keyed(reportCollect, 'ps', { app: 'blog' });

    expect(flags).toMatchObject({ '--url-web.1': 'http://127.0.0.1:40001', '--url-web.2': 'http://127.0.0.1:40002', '--status-worker.1': 'running (CID: 2123456789a)' });
    expect(Object.keys(flags).filter((key) => key.startsWith('--url-'))).toEqual(['--url-web.1', '--url-web.2']);
  });
});
