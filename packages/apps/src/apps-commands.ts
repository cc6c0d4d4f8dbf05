import {
  ErrorCodes,
  PierError,
  UsageError,
  appPostClone,
  appPostCloneSetup,
  appPostRename,
  appPostRenameSetup,
  assertNewAppName,
  messageOf,
  parseCommandArgs,
  reportRender,
  verifyApp,
  withAppLock,
  type CommandTopic,
  type PluginContext,
} from '@pier/plugin-api';
import type { AppLifecycle } from './app-lifecycle.js';
import type { AppLocks } from './app-lock.js';
import type { AppRegistry } from './app-registry.js';
import { confirmDestroy } from './confirm-destroy.js';
import type { DeployLock } from './deploy-lock.js';
import { lockCommands } from './lock-commands.js';

export interface AppsServices {
  registry: AppRegistry;
  lifecycle: AppLifecycle;
  locks: AppLocks;
  deployLock: DeployLock;
}

/** The `apps:*` commands, in Dokku's words. */
export function appsCommands(context: PluginContext, { registry, lifecycle, locks, deployLock }: AppsServices): CommandTopic {
  const { bus, log } = context;

  async function list() {
    log.info2Quiet('My Apps');
    const apps = await registry.list();
    if (apps.length === 0) log.warn("You haven't deployed any applications yet");
    for (const app of apps) log.line(app);
  }

  /** OLD NEW checks shared by rename and clone (Dokku's order of messages). */
  async function oldAndNew(positionals: string[]): Promise<[string, string]> {
    const [oldApp, newApp] = positionals;
    if (!oldApp) throw new UsageError('Please specify an app to run the command on');
    if (!newApp) throw new UsageError('Please specify an new app name');
    await verifyApp(bus, oldApp);
    assertNewAppName(newApp);
    return [oldApp, newApp];
  }

  return {
    topic: 'apps',
    description: 'Manage apps',
    // Sorted, as Dokku's apps:help lists them (apps:lock and apps:locked before apps:rename).
    commands: sortedByName({
      apps: { usage: 'apps', description: 'List your apps', hidden: true, run: list },
      'apps:clone': {
        usage: 'apps:clone <old-app> <new-app>',
        description: 'Clones an app',
        async run({ args }) {
          const { values, positionals } = parseCommandArgs(args, {
            'skip-deploy': { type: 'boolean' },
            'ignore-existing': { type: 'boolean' },
          });
          const [oldApp, newApp] = await oldAndNew(positionals);
          if (await registry.exists(newApp)) {
            if (!values['ignore-existing']) throw new PierError(ErrorCodes.APP_EXISTS, 'Name is already taken');
            log.warn('Name is already taken');
            return;
          }
          log.info1Quiet(`Cloning ${oldApp} to ${newApp}`);
          await lifecycle.create(newApp);
          // All or nothing, like rename: a clone whose setup or redeploy fails (an unreachable
          // engine, failed checks) is removed again, so that trying again is possible.
          try {
            await bus.notify(appPostCloneSetup, { oldApp, newApp });
            await bus.notify(appPostClone, { oldApp, newApp, skipDeploy: values['skip-deploy'] ?? false });
          } catch (error) {
            await lifecycle.undoCreate(newApp).catch((undo: unknown) => log.warn(`Could not undo the clone: ${messageOf(undo)}`));
            throw error;
          }
        },
      },
      'apps:create': {
        usage: 'apps:create <app>',
        description: 'Create a new app',
        run: ({ args }) => lifecycle.create(parseCommandArgs(args, {}).positionals[0]),
      },
      'apps:destroy': {
        usage: 'apps:destroy <app>',
        description: 'Permanently destroy an app',
        async run({ args, force }) {
          const { values, positionals } = parseCommandArgs(args, { force: { type: 'boolean' } });
          const app = await verifyApp(bus, positionals[0]);
          if (!force && !values.force) await confirmDestroy(context, app);
          await locks.hold(app, 'apps:destroy', () => lifecycle.destroy(app), { ignoreDeployLock: true });
        },
      },
      'apps:exists': {
        usage: 'apps:exists <app>',
        description: 'Checks if an app exists',
        run: async ({ args }) => void (await verifyApp(bus, parseCommandArgs(args, {}).positionals[0])),
      },
      'apps:list': { usage: 'apps:list', description: 'List your apps', run: list },
      ...lockCommands(context, deployLock, locks),
      'apps:rename': {
        usage: 'apps:rename <old-app> <new-app>',
        description: 'Rename an app',
        async run({ args }) {
          const { values, positionals } = parseCommandArgs(args, { 'skip-deploy': { type: 'boolean' } });
          const [oldApp, newApp] = await oldAndNew(positionals);
          if (await registry.exists(newApp)) throw new PierError(ErrorCodes.APP_EXISTS, 'Name is already taken');
          await withAppLock(bus, oldApp, 'apps:rename', async () => {
            log.info1Quiet(`Renaming ${oldApp} to ${newApp}`);
            await lifecycle.create(newApp);
            // Until the old app's containers are stopped, a failure leaves the old app as it was:
            // the setup is run backwards (a plugin may have moved its data) and the new app removed.
            const undo = async () => {
              await bus.notify(appPostRenameSetup, { oldApp: newApp, newApp: oldApp });
              await lifecycle.discard(newApp);
            };
            await bus.notify(appPostRenameSetup, { oldApp, newApp }).catch(async (error: unknown) => {
              // The setup's failure is the one to report; a failed undo is only added to it.
              await undo().catch((failure: unknown) => log.warn(`Could not undo the changes: ${messageOf(failure)}`));
              throw error;
            });
            await lifecycle.destroy(oldApp, undo);
          });
          await bus.notify(appPostRename, { oldApp, newApp, skipDeploy: values['skip-deploy'] ?? false });
        },
      },
      'apps:report': {
        usage: 'apps:report [<app>] [<flag>]',
        description: 'Display report about an app',
        run: async ({ args }) => void (await bus.first(reportRender, { section: 'app', args, global: false, command: 'apps:report' })),
      },
    }),
  };
}

const sortedByName = <T>(commands: Record<string, T>): Record<string, T> =>
  Object.fromEntries(Object.entries(commands).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
