import type { InputOf, OutputOf, TriggerOfKind } from '../bus/define-trigger.js';
import type { TriggerBus } from '../bus/trigger-bus.js';
import { ErrorCodes, PierError } from '../errors/index.js';
import { GLOBAL_SCOPE } from '../apps/app-name.js';
import { schedulerUnavailable } from '../triggers/host.js';
import { schedulerDetect, schedulerInfo } from '../triggers/scheduler.js';
import { SchedulerUnsupportedError } from './unsupported.js';

/** The scheduler selected for an app, or the global one when `app` is undefined. */
export async function selectedScheduler(bus: TriggerBus, app: string | undefined): Promise<string> {
  return (await bus.first(schedulerDetect, { app: app ?? GLOBAL_SCOPE })) ?? 'docker-local';
}

export function installedSchedulers(bus: TriggerBus): string[] {
  return bus.keys(schedulerInfo);
}

/**
 * The one wording for a scheduler that is selected (or being selected) but not installed; with
 * `reason`, the host's own line instead (see schedulerNotInstalled).
 */
export class SchedulerNotInstalledError extends PierError {
  constructor(
    readonly scheduler: string,
    installed: readonly string[],
    reason?: string,
  ) {
    super(ErrorCodes.SCHEDULER_NOT_INSTALLED, reason ?? `Scheduler ${scheduler} is not installed; installed schedulers: ${installed.join(', ') || 'none'}`);
  }
}

/**
 * The error for a scheduler that is not registered on the bus, built where it happens: the host's
 * reason when an installed plugin provides it (`Scheduler k3s is installed but disabled; enable it
 * with plugin:enable …`, asked on `scheduler:unavailable`), else the list of installed ones. Use
 * it wherever the error is thrown or printed, so a warning says the same as a failed command.
 */
export async function schedulerNotInstalled(bus: TriggerBus, scheduler: string): Promise<SchedulerNotInstalledError> {
  // A host that knows no more (an embedding program, a test host) taps nothing.
  const reason = bus.taps(schedulerUnavailable).length === 0 ? undefined : await bus.first(schedulerUnavailable, { scheduler });
  return new SchedulerNotInstalledError(scheduler, installedSchedulers(bus), reason);
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
  if (!installed.includes(scheduler)) throw await schedulerNotInstalled(bus, scheduler);
  if (!bus.keys(trigger).includes(scheduler)) {
    throw new SchedulerUnsupportedError(scheduler, trigger, command);
  }
  return bus.keyed(trigger, scheduler, input);
}
