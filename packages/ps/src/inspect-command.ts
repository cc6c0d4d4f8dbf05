import { dispatchToScheduler, parseCommandArgs, schedulerInspect, verifyApp, type CommandSpec } from '@pier/plugin-api';
import type { Ps } from './ps-context.js';
import { sortedJson } from './sorted-json.js';

/** ps:inspect: the scheduler's low-level view (secrets already masked by it), printed as Dokku does. */
export function inspectCommand(ps: Ps): CommandSpec {
  return {
    usage: 'ps:inspect <app>',
    description: 'Displays a sanitized version of docker inspect for an app',
    async run({ args }) {
      const app = await verifyApp(ps.bus, parseCommandArgs(args, {}).positionals[0]);
      const details = await dispatchToScheduler(ps.bus, schedulerInspect, { app }, 'ps:inspect');
      ps.log.line(sortedJson(details));
    },
  };
}
