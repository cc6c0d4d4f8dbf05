import { describe, expect, it } from '@jest/globals';
import {
  ErrorCodes,
  dispatchToScheduler,
  isPierError,
  messageOf,
  requiredSchedulerMethods,
  schedulerTriggers,
  type Release,
} from '@pier/plugin-api';
import { contractCallOrder, contractInputs, type SchedulerMethod } from './contract-inputs.js';
import type { ContractRun } from './scheduler-contract.js';

const optionalMethods = (Object.keys(schedulerTriggers) as SchedulerMethod[]).filter(
  (m) => !(requiredSchedulerMethods as readonly string[]).includes(m),
);

/** An honest refusal (a PierError with its own code) is allowed; a crash or a malformed answer is not. */
function breaksContract(error: unknown): boolean {
  return !isPierError(error) || error.code === ErrorCodes.TRIGGER_CONTRACT || error.code === ErrorCodes.PLUGIN;
}

function inputFor(run: ContractRun, method: SchedulerMethod, release: Release): unknown {
  const override = run.options.capabilityInputs?.[method];
  return override ? override(run.app, release) : contractInputs(run.app, release)[method];
}

export function describeCapabilityContract(run: ContractRun): void {
  const { scheduler, app } = run;

  describe('capabilities', () => {
    it('answers every trigger it implements with output its schema accepts', async () => {
      const { host, release } = await run.start();
      const implemented = contractCallOrder.filter((m) => host.bus.keys(schedulerTriggers[m]).includes(scheduler));
      const problems: string[] = [];

      // The test host validates input and output of every dispatch against the trigger's schema.
      for (const method of implemented) {
        try {
          await host.bus.keyed(schedulerTriggers[method], scheduler, inputFor(run, method, release) as never);
        } catch (error) {
          if (breaksContract(error)) problems.push(`${method}: ${messageOf(error)}`);
        }
      }

      expect(problems).toEqual([]);
    });

    it('fails every capability it lacks with an error naming the scheduler and the command', async () => {
      const { host } = await run.start();
      const missing = optionalMethods.filter((m) => !host.bus.keys(schedulerTriggers[m]).includes(scheduler));

      for (const method of missing) {
        // Named after the trigger, as a command is named after the capability it needs.
        const command = schedulerTriggers[method].id;
        const attempt = dispatchToScheduler(host.bus, schedulerTriggers[method], { app } as never, command);
        await expect(attempt).rejects.toMatchObject({
          code: ErrorCodes.SCHEDULER_UNSUPPORTED,
          message: `Scheduler ${scheduler} does not support ${command}`,
        });
      }
    });
  });
}
