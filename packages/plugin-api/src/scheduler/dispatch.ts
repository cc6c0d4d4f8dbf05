import type { InputOf, OutputOf, TriggerOfKind } from '../bus/define-trigger.js';
import type { TriggerBus } from '../bus/trigger-bus.js';
import { ErrorCodes, PierError } from '../errors/index.js';
import { GLOBAL_SCOPE } from '../apps/app-name.js';
import { schedulerDetect, schedulerInfo } from '../triggers/scheduler.js';
import { SchedulerUnsupportedError } from './unsupported.js';

/** The scheduler selected for an app, or the global one when `app` is undefined. */
export async function selectedScheduler(bus: TriggerBus, app: string | undefined): Promise<string> {
  return (await bus.first(schedulerDetect, { app: app ?? GLOBAL_SCOPE })) ?? 'docker-local';
}

export function installedSchedulers(bus: TriggerBus): string[] {
  return bus.keys(schedulerInfo);
}

/** The one wording for a scheduler that is selected (or being selected) but not installed. */
export class SchedulerNotInstalledError extends PierError {
  constructor(
    readonly scheduler: string,
    installed: readonly string[],
  ) {
    super(ErrorCodes.SCHEDULER_NOT_INSTALLED, `Scheduler ${scheduler} is not installed; installed schedulers: ${installed.join(', ') || 'none'}`);
  }
}

/**
 * Sends a scheduler trigger to the app's selected scheduler only (no broadcast-and-ignore).
 * `command` names the user's command in the error when the scheduler lacks the capability.
 */
export async function dispatchToScheduler<T extends TriggerOfKind<'keyed'>>(
  bus: TriggerBus,
  trigger: T,
  input: InputOf<T> & { app?: string | undefined },
  command: string,
): Promise<OutputOf<T>> {
  const scheduler = await selectedScheduler(bus, input.app);
  const installed = installedSchedulers(bus);
  if (!installed.includes(scheduler)) throw new SchedulerNotInstalledError(scheduler, installed);
  if (!bus.keys(trigger).includes(scheduler)) {
    throw new SchedulerUnsupportedError(scheduler, trigger, command);
  }
  return bus.keyed(trigger, scheduler, input);
}
