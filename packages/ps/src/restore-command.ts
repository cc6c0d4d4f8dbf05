import {
  dispatchToScheduler,
  parseCommandArgs,
  schedulerPreRestore,
  selectedScheduler,
  verifyApp,
  withAppLock,
  type CommandSpec,
} from '@pier/plugin-api';
import { forEachApp } from './all-apps.js';
import { warnNotDeployed } from './not-deployed.js';
import type { Ps } from './ps-context.js';
import { startLocked } from './start-command.js';

/** ps:restore for one app: start it again after a reboot unless it was stopped on purpose. */
export async function restoreApp(ps: Ps, app: string): Promise<void> {
  const { bus, log } = ps;
  // Cleanup of leftovers is optional for a scheduler: one without it simply has none.
  if (bus.keys(schedulerPreRestore).includes(await selectedScheduler(bus, app))) {
    await dispatchToScheduler(bus, schedulerPreRestore, { app }, 'ps:restore');
  }
  await withAppLock(bus, app, 'ps:restore', async () => {
    if (!(await ps.isDeployed(app, 'ps:restore'))) return warnNotDeployed(log, app);
    if ((await ps.state.props.computed(app, 'restore')) === 'false') {
      return log.warn(`Skipping ps:restore for ${app} as restore property is false`);
    }
    log.info1('Starting app');
    await startLocked(ps, app);
  });
}

export function restoreCommand(ps: Ps): CommandSpec {
  return {
    usage: 'ps:restore [<app>]',
    description: 'Start previously running apps e.g. after reboot',
    async run({ args }) {
      const given = parseCommandArgs(args, {}).positionals[0];
      if (given !== undefined) return restoreApp(ps, await verifyApp(ps.bus, given));
      ps.log.warn('Restore specified without app, assuming --all');
      await forEachApp(ps.bus, ps.log, 'restore', undefined, (app) => restoreApp(ps, app));
    },
  };
}
