import { ErrorCodes, PierError, parseCommandArgs, verifyApp, withAppLock, type CommandSpec } from '@pier/plugin-api';
import { runnableTypes } from './build-release.js';
import { changedTypes, parseScaleTuples, updateScale } from './formation.js';
import type { Ps } from './ps-context.js';
import { parseSource } from './ps-state.js';
import { parseScaleFormat, printScale } from './scale-report.js';

/**
 * ps:scale: report, or change the formation and redeploy the types whose count changed, one at
 * a time. The saved scale follows what was actually deployed: if the second type fails, the
 * first one's new count is kept and the second one's old count stays. The new scale is saved
 * before the first redeploy (as deploy saves its release, see deployer.ts): a `kill -9` after a
 * type was scaled must not leave a scale that the next ps:restart would scale back.
 */
async function scale(ps: Ps, app: string, tuples: string[], skipDeploy: boolean): Promise<void> {
  const updates = parseScaleTuples(tuples);
  await withAppLock(ps.bus, app, 'ps:scale', async () => {
    if (!(await ps.state.canScale(app))) {
      throw new PierError(ErrorCodes.COMMAND_FAILED, `App ${app} contains an app.json file with a formations key and cannot be manually scaled`);
    }
    const source = await ps.state.source(app);
    const current = await ps.state.scale(app);
    // Before the first deploy the image's process types are unknown: anything may be scaled.
    const next = updateScale({ current, updates, validTypes: source === undefined ? null : runnableTypes(parseSource(source)) });
    ps.log.info1(`Scaling ${app} processes: ${tuples.join(' ')}`);

    if (skipDeploy || source === undefined || !(await ps.isDeployed(app, 'ps:scale'))) return ps.state.saveScale(app, next);
    const changed = changedTypes(current, next, updates.keys());
    const deployed = new Map(current);
    await ps.state.saveScale(app, next);
    try {
      for (const type of changed) {
        // A type the image lacks is only ever scaled to 0 here: its containers are removed.
        await ps.deployer.redeploy(app, source, next, 'ps:scale', type, true);
        if (next.has(type)) deployed.set(type, next.get(type)!);
        else deployed.delete(type);
      }
    } catch (error) {
      await ps.state.saveScale(app, deployed);
      throw error;
    }
    if (changed.length === 0) return;
    await ps.deployer.afterDeploy(app, source.image);
    await ps.deployer.announceUrls(app, 'ps:scale');
  });
}

export function scaleCommand(ps: Ps): CommandSpec {
  return {
    usage: 'ps:scale [--skip-deploy] <app> <proc>=<count> [<proc>=<count>...]',
    description: 'Get/Set how many instances of a given process to run',
    async run({ args }) {
      const { values, positionals } = parseCommandArgs(args, { 'skip-deploy': { type: 'boolean' }, format: { type: 'string' } });
      const format = parseScaleFormat(values.format);
      const app = await verifyApp(ps.bus, positionals[0]);
      const tuples = positionals.slice(1);
      if (tuples.length === 0) return printScale(ps.log, app, await ps.state.scale(app), format);
      await scale(ps, app, tuples, values['skip-deploy'] ?? false);
    },
  };
}
