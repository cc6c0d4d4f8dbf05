import { UsageError, dispatchToScheduler, schedulerStop, verifyApp, withAppLock, type CommandSpec } from '@pier/plugin-api';
import { forEachApp } from './all-apps.js';
import { parseAppArgs } from './app-args.js';
import { warnNotDeployed } from './not-deployed.js';
import type { Ps } from './ps-context.js';

/** ps:stop for one app, or (a Pier extension) one process type of it. */
export async function stopApp(ps: Ps, app: string, processType?: string): Promise<void> {
  await withAppLock(ps.bus, app, 'ps:stop', async () => {
    if (!(await ps.isDeployed(app, 'ps:stop'))) return warnNotDeployed(ps.log, app);
    if (processType !== undefined) await ps.assertProcessType(app, processType, 'ps:stop');
    ps.log.info1Quiet(processType === undefined ? `Stopping ${app}` : `Stopping ${app} (${processType})`);
    const input = { app, removeContainers: false, ...(processType === undefined ? {} : { processType }) };
    await dispatchToScheduler(ps.bus, schedulerStop, input, 'ps:stop');
    // Only stopping the whole app is a deliberate "keep it down" that ps:restore respects.
    if (processType === undefined) await ps.state.props.set(app, 'restore', 'false');
  });
}

export function stopCommand(ps: Ps): CommandSpec {
  return {
    usage: 'ps:stop [--parallel count] [--all|<app>] [<process-type>]',
    description: 'Stop an app',
    async run({ args }) {
      const { all, parallel, positionals } = parseAppArgs(args);
      if (all) {
        if (positionals.length > 0) throw new UsageError('Unable to stop all apps when specifying a process name');
        return forEachApp(ps.bus, ps.log, 'stop', parallel, (app) => stopApp(ps, app));
      }
      await stopApp(ps, await verifyApp(ps.bus, positionals[0]), positionals[1]);
    },
  };
}
