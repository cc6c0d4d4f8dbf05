import { describe, expect, it } from '@jest/globals';
import { schedulerAppStatus, schedulerIsDeployed } from '@pier/plugin-api';
import { createTestHost } from '@pier/plugin-testkit';
import { describeSchedulerContract } from '@pier/plugin-testkit/contract';
import { schedulerNull } from './plugin.js';

describeSchedulerContract('null', () => ({ plugin: schedulerNull() }), { tracksDeployments: false, untrusted: false });

describe('null scheduler', () => {
  it('reports "1 true" and deployed for any app, like Dokku', async () => {
    const host = await createTestHost({ plugins: [schedulerNull()] });

    expect(await host.bus.keyed(schedulerAppStatus, 'null', { app: 'anything' })).toEqual({
      processes: 1,
      running: 'true',
      containers: [],
    });
    expect(await host.bus.keyed(schedulerIsDeployed, 'null', { app: 'anything' })).toBe(true);
    host.dispose();
  });

  it('implements every capability, so no command fails on it', async () => {
    const host = await createTestHost({ plugins: [schedulerNull()] });

    const { schedulerTriggers } = await import('@pier/plugin-api');
    for (const trigger of Object.values(schedulerTriggers)) expect(host.bus.keys(trigger)).toEqual(['null']);
    host.dispose();
  });
});
