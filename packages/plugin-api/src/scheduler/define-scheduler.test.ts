import { describe, expect, it } from '@jest/globals';
import { memoryHost } from '../test-support/memory-host.js';
import { ErrorCodes } from '../errors/index.js';
import { schedulerAppStatus, schedulerInfo, schedulerLogs, schedulerStop } from '../triggers/scheduler.js';
import { defineScheduler, type SchedulerImplementation } from './define-scheduler.js';
import { dispatchToScheduler, schedulerNotInstalled } from './dispatch.js';
import { schedulerUnavailable } from '../triggers/host.js';
import { definePlugin } from '../plugin/define-plugin.js';
import { schedulerDetect } from '../triggers/scheduler.js';

const minimal: SchedulerImplementation = {
  deploy: () => undefined,
  stop: () => undefined,
  appStatus: () => ({ processes: 2, running: 'mixed', containers: [] }),
  isDeployed: () => true,
};

const select = (name: string) =>
  definePlugin({ name: 'select', register: ({ bus }) => void bus.tap(schedulerDetect, () => name) });

describe('defineScheduler', () => {
  it('taps the implemented methods under the scheduler name, plus scheduler:info', async () => {
    const host = await memoryHost([defineScheduler({ name: '@acme/pier-scheduler-demo', scheduler: 'demo', description: 'Demo' }, () => minimal)]);

    expect(host.bus.keys(schedulerInfo)).toEqual(['demo']);
    expect(await host.bus.keyed(schedulerInfo, 'demo', {})).toEqual({ plugin: '@acme/pier-scheduler-demo', description: 'Demo' });
    expect(await host.bus.keyed(schedulerAppStatus, 'demo', { app: 'blog' })).toEqual({ processes: 2, running: 'mixed', containers: [] });
    expect(host.bus.keys(schedulerLogs)).toEqual([]);
  });

  it('refuses an implementation without a required method, naming it', async () => {
    const broken = { ...minimal, stop: undefined } as unknown as SchedulerImplementation;
    const plugin = defineScheduler({ name: 'x', scheduler: 'demo', description: 'd' }, () => broken);

    await expect(memoryHost([plugin])).rejects.toThrow('scheduler demo (x) must implement stop()');
  });

  it('refuses a scheduler name users could not type', () => {
    expect(() => defineScheduler({ name: 'x', scheduler: 'My Scheduler', description: 'd' }, () => minimal)).toThrow(
      'scheduler name "My Scheduler" must be lowercase alphanumerics and hyphens',
    );
  });
});

describe('dispatchToScheduler', () => {
  it('calls the selected scheduler only', async () => {
    const calls: string[] = [];
    const scheduler = (name: string) =>
      defineScheduler({ name, scheduler: name, description: name }, () => ({ ...minimal, stop: () => void calls.push(name) }));
    const host = await memoryHost([select('two'), scheduler('one'), scheduler('two')]);

    await dispatchToScheduler(host.bus, schedulerStop, { app: 'blog', removeContainers: false }, 'ps:stop');

    expect(calls).toEqual(['two']);
  });

  it('names the scheduler and the command when a capability is missing', async () => {
    const host = await memoryHost([select('demo'), defineScheduler({ name: 'd', scheduler: 'demo', description: 'd' }, () => minimal)]);

    const attempt = dispatchToScheduler(host.bus, schedulerLogs, { app: 'blog', follow: false, num: 100, quiet: false }, 'logs');

    await expect(attempt).rejects.toMatchObject({ code: ErrorCodes.SCHEDULER_UNSUPPORTED, message: 'Scheduler demo does not support logs' });
  });

  it('says when the selected scheduler is not installed, listing the installed ones', async () => {
    const host = await memoryHost([select('k3s'), defineScheduler({ name: 'd', scheduler: 'demo', description: 'd' }, () => minimal)]);

    await expect(dispatchToScheduler(host.bus, schedulerStop, { app: 'blog', removeContainers: false }, 'ps:stop')).rejects.toMatchObject({
      code: ErrorCodes.SCHEDULER_NOT_INSTALLED,
      message: 'Scheduler k3s is not installed; installed schedulers: demo',
    });
  });

  it('says what the host knows of a scheduler that is installed but not available', async () => {
    const host = definePlugin({
      name: 'host',
      register: ({ bus }) => void bus.tap(schedulerUnavailable, ({ scheduler }) => (scheduler === 'k3s' ? 'Scheduler k3s is installed but disabled' : undefined)),
    });
    const { bus } = await memoryHost([host, select('k3s'), defineScheduler({ name: 'd', scheduler: 'demo', description: 'd' }, () => minimal)]);

    await expect(dispatchToScheduler(bus, schedulerStop, { app: 'blog', removeContainers: false }, 'ps:stop')).rejects.toMatchObject({
      code: ErrorCodes.SCHEDULER_NOT_INSTALLED,
      scheduler: 'k3s',
      message: 'Scheduler k3s is installed but disabled',
    });
    expect((await schedulerNotInstalled(bus, 'gone')).message).toBe('Scheduler gone is not installed; installed schedulers: demo');
  });
});
