import { describe, expect, it } from '@jest/globals';
import { validateTriggerValue } from '../bus/schema-validation.js';
import { ErrorCodes } from '../errors/index.js';
import { schedulerDetect, schedulerEnter, schedulerPostDelete, schedulerRetire, schedulerRun } from './scheduler.js';

const check = (trigger: Parameters<typeof validateTriggerValue>[0], input: unknown) =>
  validateTriggerValue(trigger, 'input', input, 'acme');

describe('scheduler trigger inputs: app names', () => {
  it.each(['blog', 'my-app.v2', 'legacy_app', '0day'])('accepts the app name %j', async (app) => {
    await expect(check(schedulerPostDelete, { app })).resolves.toEqual({ app });
  });

  it.each(['', '../escaped', 'a/b', '/etc', '.hidden', 'Blog', '--global'])('refuses the app name %j', async (app) => {
    await expect(check(schedulerPostDelete, { app })).rejects.toMatchObject({
      code: ErrorCodes.TRIGGER_CONTRACT,
      message: expect.stringContaining('app:'),
    });
  });

  it('applies the rule to every trigger that takes an app, optional ones included', async () => {
    const run = { app: '../x', command: ['true'], env: {}, detach: false, tty: false, ttlSeconds: 1 };

    await expect(check(schedulerRun, run)).rejects.toMatchObject({ code: ErrorCodes.TRIGGER_CONTRACT });
    await expect(check(schedulerEnter, { app: 'x/..', command: [], tty: false })).rejects.toMatchObject({ code: ErrorCodes.TRIGGER_CONTRACT });
    await expect(check(schedulerRetire, { app: '../x' })).rejects.toMatchObject({ code: ErrorCodes.TRIGGER_CONTRACT });
    await expect(check(schedulerRetire, {})).resolves.toEqual({});
  });

  it('lets scheduler:detect ask for the global selection', async () => {
    await expect(check(schedulerDetect, { app: '--global' })).resolves.toEqual({ app: '--global' });
    await expect(check(schedulerDetect, { app: '../x' })).rejects.toMatchObject({ code: ErrorCodes.TRIGGER_CONTRACT });
  });
});
