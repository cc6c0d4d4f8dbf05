import { UsageError, verifyApp, withAppLock, type CommandSpec } from '@pier/plugin-api';
import { forEachApp } from './all-apps.js';
import { parseAppArgs } from './app-args.js';
import { warnNotDeployed } from './not-deployed.js';
import type { Ps } from './ps-context.js';

/** Dokku's Restart: the scheduler step again for the current release (all types, or one). */
export async function restartApp(ps: Ps, app: string, processType?: string): Promise<void> {
  await withAppLock(ps.bus, app, 'ps:restart', async () => {
    const source = await ps.deployer.deployedSource(app, 'ps:restart');
    if (source === undefined) return warnNotDeployed(ps.log, app);
    if (processType !== undefined) await ps.assertProcessType(app, processType, 'ps:restart');
    if (!(await ps.deployer.redeploy(app, source, await ps.state.scale(app), 'ps:restart', processType))) return;
    await ps.deployer.afterDeploy(app, source.image);
    await ps.deployer.announceUrls(app, 'ps:restart');
  });
}

export function restartCommand(ps: Ps): CommandSpec {
  return {
    usage: 'ps:restart [--parallel count] [--all|<app>] [<process-name>]',
    description: 'Restart an app',
    async run({ args }) {
      const { all, parallel, positionals } = parseAppArgs(args);
      if (all) {
        if (positionals.length > 0) throw new UsageError('Unable to restart all apps when specifying a process name');
        return forEachApp(ps.bus, ps.log, 'restart', parallel, (app) => restartApp(ps, app));
      }
      await restartApp(ps, await verifyApp(ps.bus, positionals[0]), positionals[1]);
    },
  };
}
