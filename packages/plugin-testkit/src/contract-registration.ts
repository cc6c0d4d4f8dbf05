import { describe, expect, it } from '@jest/globals';
import { requiredSchedulerMethods, schedulerInfo, schedulerTriggers } from '@pier/plugin-api';
import type { ContractRun } from './scheduler-contract.js';

/** The scheduler registers under its own name, with its package name, and only there. */
export function describeRegistrationContract(run: ContractRun): void {
  const { scheduler } = run;

  describe('registration', () => {
    it(`registers as "${scheduler}" with its package name and a description`, async () => {
      const { host, plugin } = await run.start();

      expect(host.bus.keys(schedulerInfo)).toContain(scheduler);
      const info = await host.bus.keyed(schedulerInfo, scheduler, {});
      expect(info.plugin).toBe(plugin.name);
      expect(info.description.length).toBeGreaterThan(0);
    });

    it('implements the required methods: deploy, stop, appStatus, isDeployed', async () => {
      const { host } = await run.start();

      for (const method of requiredSchedulerMethods) {
        expect({ method, keys: host.bus.keys(schedulerTriggers[method]) }).toEqual({ method, keys: [scheduler] });
      }
    });

    it('taps scheduler triggers only under its own name', async () => {
      const { host, plugin } = await run.start();

      const foreign = [schedulerInfo, ...Object.values(schedulerTriggers)].flatMap((trigger) =>
        host.bus
          .taps(trigger)
          .filter((tap) => tap.plugin === plugin.name && tap.key !== scheduler)
          .map((tap) => `${trigger.id} [${tap.key ?? 'unkeyed'}]`),
      );

      expect(foreign).toEqual([]);
    });
  });
}
