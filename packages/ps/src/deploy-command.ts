import { UsageError, parseCommandArgs, verifyApp, withAppLock, type CommandSpec } from '@pier/plugin-api';
import type { Ps } from './ps-context.js';

/** `pier deploy <app> <image>`: Pier's deploy input is a local image (Dokku's git:from-image). */
export function deployCommand(ps: Ps): CommandSpec {
  return {
    usage: 'deploy <app> <image>',
    description: 'Deploy an image to an app',
    async run({ args }) {
      const { positionals } = parseCommandArgs(args, {});
      const app = await verifyApp(ps.bus, positionals[0]);
      const image = positionals[1];
      if (!image) throw new UsageError('Please specify an image to deploy');
      if (positionals.length > 2) throw new UsageError(`Unexpected argument ${positionals[2]}`);
      await withAppLock(ps.bus, app, 'deploy', () => ps.deployer.deployImage(app, image, 'deploy'));
    },
  };
}
