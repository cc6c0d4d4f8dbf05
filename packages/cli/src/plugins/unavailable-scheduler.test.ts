import { describe, expect, it } from '@jest/globals';
import type { InstalledPlugins } from './installed-plugins.js';
import { unavailableSchedulerReason } from './unavailable-scheduler.js';

const plugin = (state: 'loaded' | 'disabled' | 'broken', error?: string) => ({
  name: '@acme/pier-scheduler-k3s',
  version: '1.0.0',
  kind: 'scheduler' as const,
  scheduler: 'k3s',
  apiVersion: 1,
  enabled: state !== 'disabled',
  source: 'x',
  state,
  ...(error === undefined ? {} : { error }),
});
const installed = (state: 'loaded' | 'disabled' | 'broken', error?: string) => ({ plugins: [plugin(state, error)] }) as unknown as InstalledPlugins;

describe('unavailableSchedulerReason', () => {
  it('names the plugin and what to do for a disabled or broken one, nothing otherwise', () => {
    expect(unavailableSchedulerReason(installed('disabled'), 'k3s')).toBe(
      'Scheduler k3s is installed but disabled; enable it with plugin:enable @acme/pier-scheduler-k3s',
    );
    expect(unavailableSchedulerReason(installed('broken', 'boom'), 'k3s')).toBe(
      'Scheduler k3s could not be loaded (@acme/pier-scheduler-k3s: boom); reinstall it with plugin:install',
    );
    expect(unavailableSchedulerReason(installed('loaded'), 'k3s')).toBeUndefined();
    expect(unavailableSchedulerReason(installed('disabled'), 'nomad')).toBeUndefined();
  });
});
