import { afterEach, describe, expect, it } from '@jest/globals';
import { ErrorCodes } from '@pier/plugin-api';
import { appUrls } from './app-urls.js';
import { psHost, type PsHost } from './test-support/ps-host.js';

let h: PsHost;
afterEach(() => h.host.dispose());

describe('appUrls', () => {
  it('is the urls the app’s scheduler reports, none when it reports none', async () => {
    h = await psHost({ scheduler: { appStatus: ({ app }) => ({ processes: 1, running: 'true', containers: [], ...(app === 'blog' ? { urls: ['http://127.0.0.1:40001'] } : {}) }) } });

    expect(await appUrls(h.host.bus, 'blog', 'urls')).toEqual(['http://127.0.0.1:40001']);
    expect(await appUrls(h.host.bus, 'shop', 'urls')).toEqual([]);
  });

  it('fails as every scheduler call does when the app’s scheduler is missing (a deploy ignores it, urls reports it)', async () => {
    h = await psHost({ select: () => 'k3s' });

    await expect(appUrls(h.host.bus, 'blog', 'url')).rejects.toMatchObject({
      code: ErrorCodes.SCHEDULER_NOT_INSTALLED,
      message: 'Scheduler k3s is not installed; installed schedulers: docker-local',
    });
  });
});
