import { verifyApp, withAppLock, type CommandSpec } from '@pier/plugin-api';
import { forEachApp } from './all-apps.js';
import { parseAppArgs } from './app-args.js';
import { warnNotDeployed } from './not-deployed.js';
import type { Ps } from './ps-context.js';

/**
 * Dokku rebuilds from source; for an image deploy that means reading the image again. So does
 * Pier: the remembered image reference is deployed anew, Procfile and app.json re-read (a tag
 * that now points at a newer build is picked up).
 */
export async function rebuildApp(ps: Ps, app: string): Promise<void> {
  await withAppLock(ps.bus, app, 'ps:rebuild', async () => {
    const source = await ps.state.source(app);
    if (source === undefined) return warnNotDeployed(ps.log, app);
    await ps.deployer.deployImage(app, source.image, 'ps:rebuild');
  });
}

export function rebuildCommand(ps: Ps): CommandSpec {
  return {
    usage: 'ps:rebuild [--parallel count] [--all|<app>]',
    description: 'Rebuilds an app from source',
    async run({ args }) {
      const { all, parallel, positionals } = parseAppArgs(args);
      if (all) return forEachApp(ps.bus, ps.log, 'rebuild', parallel, (app) => rebuildApp(ps, app));
      await rebuildApp(ps, await verifyApp(ps.bus, positionals[0]));
    },
  };
}
