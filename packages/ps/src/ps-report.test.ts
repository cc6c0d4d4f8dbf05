import { afterEach, describe, expect, it } from '@jest/globals';
import { definePlugin, reportCollect, reportRender, type InputOf } from '@pier/plugin-api';
import { psHost, type PsHost } from './test-support/ps-host.js';

let h: PsHost;
afterEach(() => h.host.dispose());

const collect = (app: string) => h.host.bus.keyed(reportCollect, 'ps', { app });

describe('ps report section', () => {
  it('has Dokku’s app keys, scheduler state and one status key per container', async () => {
    h = await psHost();
    await h.run('deploy', 'blog', 'blog:1');
    await h.run('ps:set', 'blog', 'restart-policy', 'always');
    await h.run('ps:set', '--global', 'stop-timeout-seconds', '10');

    expect(await collect('blog')).toEqual({
      flags: {
        '--deployed': 'true',
        '--processes': '2',
        '--ps-can-scale': 'true',
        '--ps-computed-dockerfile-start-cmd': '',
        '--ps-computed-procfile-path': 'Procfile',
        '--ps-computed-restart-policy': 'always',
        '--ps-computed-skip-deploy': 'false',
        '--ps-computed-start-cmd': '',
        '--ps-computed-stop-timeout-seconds': '10',
        '--ps-dockerfile-start-cmd': '',
        '--ps-global-procfile-path': '',
        '--ps-global-restart-policy': '',
        '--ps-global-skip-deploy': '',
        '--ps-global-stop-timeout-seconds': '10',
        '--ps-procfile-path': '',
        '--ps-restart-policy': 'always',
        '--ps-skip-deploy': '',
        '--ps-start-cmd': '',
        '--ps-stop-timeout-seconds': '',
        '--restore': 'true',
        '--running': 'true',
        '--status-web.1': 'running (CID: 0123456789a)',
        '--status-worker.1': 'exited (CID: fedcba98765)',
      },
      trimPrefix: true,
      emitLegacyPrefix: true,
    });
  });

  it('reports an app that was never deployed, without status keys', async () => {
    h = await psHost();

    const { flags } = await collect('blog');

    expect(Object.keys(flags).filter((k) => k.startsWith('--status-'))).toEqual([]);
    expect([flags['--deployed'], flags['--processes'], flags['--running']]).toEqual(['false', '0', 'false']);
  });

  it('reflects ps:stop and an app.json that owns the scale', async () => {
    h = await psHost({ images: { 'blog:2': { procfile: 'web: a', appJson: '{"formation":{"web":{"quantity":1}}}' } } });
    await h.run('deploy', 'blog', 'blog:2');
    await h.run('ps:stop', 'blog');

    const { flags } = await collect('blog');

    expect([flags['--restore'], flags['--ps-can-scale']]).toEqual(['false', 'false']);
  });

  it('has only the eight computed/global keys for --global', async () => {
    h = await psHost();
    await h.run('ps:set', '--global', 'restart-policy', 'no');

    expect((await collect('--global')).flags).toEqual({
      '--ps-computed-procfile-path': 'Procfile',
      '--ps-computed-restart-policy': 'no',
      '--ps-computed-skip-deploy': 'false',
      '--ps-computed-stop-timeout-seconds': '30',
      '--ps-global-procfile-path': '',
      '--ps-global-restart-policy': 'no',
      '--ps-global-skip-deploy': '',
      '--ps-global-stop-timeout-seconds': '',
    });
  });

  it('ps:report hands its arguments to the report renderer for the ps section', async () => {
    const rendered: InputOf<typeof reportRender>[] = [];
    const renderer = definePlugin({
      name: 'fake-report',
      register: ({ bus }) =>
        void bus.tap(reportRender, (input) => {
          rendered.push(input);
          return true as const;
        }),
    });
    h = await psHost({ plugins: [renderer] });

    expect(await h.run('ps:report', 'blog', '--deployed')).toEqual({ exitCode: 0, stdout: '', stderr: '' });
    expect(rendered).toEqual([{ section: 'ps', args: ['blog', '--deployed'], global: true }]);
  });
});
