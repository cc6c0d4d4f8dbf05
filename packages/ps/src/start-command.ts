import { dispatchToScheduler, schedulerAppStatus, verifyApp, withAppLock, type CommandSpec } from '@pier/plugin-api';
import { forEachApp } from './all-apps.js';
import { parseAppArgs } from './app-args.js';
import { warnNotDeployed } from './not-deployed.js';
import type { Ps } from './ps-context.js';

/**
 * ps:start with the app lock already held (ps:restore holds it too). Like Dokku, a stopped or
 * partly stopped app gets a full release-and-deploy: fresh containers, not `docker start`.
 */
export async function startLocked(ps: Ps, app: string): Promise<void> {
  const source = await ps.deployer.deployedSource(app, 'ps:start');
  if (source === undefined) return warnNotDeployed(ps.log, app);
  const { running } = await dispatchToScheduler(ps.bus, schedulerAppStatus, { app }, 'ps:start');
  if (running === 'true') return ps.log.warn(`App ${app} already running`);
  ps.log.warn(running === 'mixed' ? 'App is running in mixed mode, releasing' : 'App has been detected as not running, releasing');
  await ps.deployer.startRelease(app, source);
}

export async function startApp(ps: Ps, app: string): Promise<void> {
  await withAppLock(ps.bus, app, 'ps:start', () => startLocked(ps, app));
}

export function startCommand(ps: Ps): CommandSpec {
  return {
    usage: 'ps:start [--parallel count] [--all|<app>]',
    description: 'Start an app',
    async run({ args }) {
      const { all, parallel, positionals } = parseAppArgs(args);
      if (all) return forEachApp(ps.bus, ps.log, 'start', parallel, (app) => startApp(ps, app));
      await startApp(ps, await verifyApp(ps.bus, positionals[0]));
    },
  };
}
