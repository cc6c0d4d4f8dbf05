import { describe, expect, it } from '@jest/globals';
import { ErrorCodes } from '../errors/index.js';
import { schedulerTriggers } from './define-scheduler.js';
import { SchedulerUnsupportedError } from './unsupported.js';

describe('SchedulerUnsupportedError', () => {
  it.each([
    ['deploy', 'deploy'],
    ['inspect', 'ps:inspect'],
    ['retire', 'ps:retire'],
    ['run', 'run'],
    ['run', 'run:detached'],
    ['runList', 'run:list'],
    ['runRetire', 'run:retire'],
    ['logsFailed', 'logs:failed'],
    ['enter', 'enter'],
  ] as const)('names only the command when %s is what %s is named after', (method, command) => {
    expect(new SchedulerUnsupportedError('k3s', schedulerTriggers[method], command).message).toBe(`Scheduler k3s does not support ${command}`);
  });

  it.each([
    ['imageInfo', 'deploy'],
    ['preRestore', 'ps:restore'],
    ['deploy', 'ps:scale'],
    ['isDeployed', 'logs'],
  ] as const)('also names the missing capability when %s is a helper of %s', (method, command) => {
    const error = new SchedulerUnsupportedError('k3s', schedulerTriggers[method], command);

    expect(error).toMatchObject({ code: ErrorCodes.SCHEDULER_UNSUPPORTED, scheduler: 'k3s', command });
    expect(error.message).toBe(`Scheduler k3s does not support ${command} (missing capability: ${method})`);
  });
});
