import { ErrorCodes, PierError, parseCommandArgs, verifyApp, type CommandSpec, type PluginContext } from '@pier/plugin-api';
import type { AppLocks } from './app-lock.js';
import type { DeployLock } from './deploy-lock.js';

const failed = (message: string) => new PierError(ErrorCodes.COMMAND_FAILED, message);

/** Dokku's `apps:lock`, `apps:locked` and `apps:unlock`, with its messages and exit statuses. */
export function lockCommands(context: PluginContext, deployLock: DeployLock, locks: AppLocks): Record<string, CommandSpec> {
  const { bus, log } = context;
  const appOf = (args: readonly string[]) => verifyApp(bus, parseCommandArgs(args, {}).positionals[0]);
  return {
    'apps:lock': {
      usage: 'apps:lock <app>',
      description: 'Locks an app for deployment',
      async run({ args }) {
        const app = await appOf(args);
        await deployLock.create(app).catch((cause: unknown) => {
          throw new PierError(ErrorCodes.COMMAND_FAILED, 'Unable to create deploy lock', { cause });
        });
        log.info1('Deploy lock created');
      },
    },
    'apps:locked': {
      usage: 'apps:locked <app>',
      description: 'Checks if an app is locked for deployment',
      async run({ args }) {
        const app = await appOf(args);
        if (!(await locks.isLocked(app))) throw failed('Deploy lock does not exist');
        // Dokku's LogQuiet: a plain line that --quiet drops, leaving only the exit status.
        if (!log.quiet) log.line('Deploy lock exists');
      },
    },
    'apps:unlock': {
      usage: 'apps:unlock <app>',
      description: 'Unlocks an app for deployment',
      async run({ args }) {
        const app = await appOf(args);
        if (await deployLock.exists(app)) {
          log.warn('A deploy may be in progress.');
          log.warn('Removing the app lock will not stop in progress deploys.');
        }
        if (!(await deployLock.remove(app))) throw failed('Unable to remove deploy lock');
        log.info1('Deploy lock removed');
      },
    },
  };
}
