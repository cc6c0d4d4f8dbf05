import type { AnyTrigger } from '../bus/define-trigger.js';
import { ErrorCodes, PierError } from '../errors/index.js';
import { schedulerTriggers } from './define-scheduler.js';

/** The SchedulerImplementation method that answers a trigger (`scheduler:image-info` → `imageInfo`). */
function methodOf(trigger: AnyTrigger): string | undefined {
  return Object.entries(schedulerTriggers).find(([, t]) => t.id === trigger.id)?.[0];
}

/**
 * Whether `command` is named after the capability (`ps:inspect` → inspect, `run:list` →
 * run-list, `run:detached` → run). When it is not, the command needs the capability as a helper
 * (`ps:restore` needs pre-restore) and the message has to say which one is missing, or the
 * scheduler's author is told that a command it does implement is unsupported.
 */
function namedAfter(command: string, trigger: AnyTrigger): boolean {
  const capability = trigger.id.replace(/^scheduler:/, '');
  const words = command.split(':');
  return words.join('-') === capability || words.includes(capability);
}

/** PIER_ERR_SCHEDULER_UNSUPPORTED: names the scheduler, the command and, for a helper, the missing method. */
export class SchedulerUnsupportedError extends PierError {
  constructor(
    readonly scheduler: string,
    trigger: AnyTrigger,
    readonly command: string,
  ) {
    const method = methodOf(trigger) ?? trigger.id;
    const missing = namedAfter(command, trigger) ? '' : ` (missing capability: ${method})`;
    super(ErrorCodes.SCHEDULER_UNSUPPORTED, `Scheduler ${scheduler} does not support ${command}${missing}`);
  }
}
