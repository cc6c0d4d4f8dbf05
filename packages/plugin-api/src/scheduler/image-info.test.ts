import { describe, expect, it } from '@jest/globals';
import { ErrorCodes } from '../errors/index.js';
import { definePlugin } from '../plugin/define-plugin.js';
import { memoryHost } from '../test-support/memory-host.js';
import { schedulerDetect } from '../triggers/scheduler.js';
import { defineScheduler, type SchedulerImplementation } from './define-scheduler.js';
import { inspectImage } from './image-info.js';

const required: SchedulerImplementation = {
  deploy: () => undefined,
  stop: () => undefined,
  appStatus: () => ({ processes: 0, running: 'false', containers: [] }),
  isDeployed: () => false,
};
const scheduler = (extra: Partial<SchedulerImplementation> = {}) =>
  defineScheduler({ name: '@acme/pier-scheduler-k3s', scheduler: 'k3s', description: 'k3s' }, () => ({ ...required, ...extra }));
const select = (name: string) => definePlugin({ name: 'select', register: ({ bus }) => void bus.tap(schedulerDetect, () => name) });

describe('inspectImage', () => {
  it("asks the selected scheduler when it implements imageInfo", async () => {
    const imageInfo = ({ image }: { image: string }) => ({ id: `sha256:${image}`, procfile: 'web: serve', appJson: '{}' });
    const host = await memoryHost([select('k3s'), scheduler({ imageInfo })]);

    expect(await inspectImage(host.bus, 'blog', 'blog:1', 'deploy')).toEqual({
      info: { id: 'sha256:blog:1', procfile: 'web: serve', appJson: '{}' },
      inspected: true,
    });
  });

  it('falls back to the reference, no Procfile and no app.json, for a scheduler without imageInfo', async () => {
    const host = await memoryHost([select('k3s'), scheduler()]);

    expect(await inspectImage(host.bus, 'blog', 'registry.example/blog:1', 'deploy')).toEqual({
      info: { id: 'registry.example/blog:1', procfile: null, appJson: null },
      inspected: false,
    });
  });

  it('still refuses a scheduler that is not installed', async () => {
    const host = await memoryHost([select('nomad'), scheduler()]);

    await expect(inspectImage(host.bus, 'blog', 'blog:1', 'deploy')).rejects.toMatchObject({ code: ErrorCodes.SCHEDULER_NOT_INSTALLED });
  });
});
