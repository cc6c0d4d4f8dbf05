import {
  GLOBAL_SCOPE,
  UsageError,
  appList,
  definePlugin,
  parseCommandArgs,
  registerCommands,
  schedulerUnavailable,
  selectedScheduler,
  type PierPlugin,
} from '@pier/plugin-api';
import { installPlugin } from './install-plugin.js';
import type { PluginManagerContext } from './plugin-manager-context.js';
import { formatPluginList, pluginListRows } from './plugin-list.js';
import { setPluginEnabled } from './toggle-plugin.js';
import { unavailableSchedulerReason } from './unavailable-scheduler.js';
import { uninstallPlugin } from './uninstall-plugin.js';

/** The single plugin name (or spec) a command takes; anything else is a usage error. */
function onlyArgument(args: readonly string[], what: string): string | undefined {
  const { positionals } = parseCommandArgs(args, {});
  if (positionals.length > 1) throw new UsageError(`Please specify only one ${what}`);
  return positionals[0];
}

/** Apps (and --global) that would be left with a scheduler that is no longer loaded. */
async function appsSelecting(ctx: PluginManagerContext, scheduler: string | undefined): Promise<string[]> {
  if (scheduler === undefined) return [];
  const apps = (await ctx.bus.first(appList, {}).catch(() => undefined)) ?? [];
  const users: string[] = [];
  for (const app of [GLOBAL_SCOPE, ...apps]) {
    if ((await selectedScheduler(ctx.bus, app === GLOBAL_SCOPE ? undefined : app).catch(() => undefined)) === scheduler) users.push(app);
  }
  return users;
}

async function warnIfSelected(ctx: PluginManagerContext, scheduler: string | undefined): Promise<void> {
  const users = await appsSelecting(ctx, scheduler);
  if (users.length > 0) {
    ctx.log.warn(`Scheduler ${scheduler} is still selected for ${users.join(', ')}; select another with scheduler:set`);
  }
}

/**
 * `plugin:list`, `plugin:install`, `plugin:uninstall`, `plugin:enable`, `plugin:disable`, and the
 * answer to `scheduler:unavailable`. Host functionality rather than a plugin package: only the
 * CLI may install and load plugins.
 */
export function pluginCommands(manager: PluginManagerContext): PierPlugin {
  return definePlugin({
    name: '@pier/cli',
    register(context) {
      const { log } = manager;
      // Why a scheduler apps select is missing from the bus: its plugin is disabled or broken.
      context.bus.tap(schedulerUnavailable, ({ scheduler }) => unavailableSchedulerReason(manager.installed, scheduler));
      const list = ({ args }: { args: string[] }) => {
        const { values, positionals } = parseCommandArgs(args, { format: { type: 'string' } });
        if (positionals.length > 0) throw new UsageError(`Unexpected argument ${positionals[0]}`);
        log.write(formatPluginList(pluginListRows(manager), values.format));
      };
      registerCommands(context, {
        topic: 'plugin',
        description: 'Manage installed plugins',
        commands: {
          plugin: { usage: 'plugin', description: 'List installed plugins', hidden: true, run: list },
          'plugin:list': {
            usage: 'plugin:list [--format stdout|json]',
            description: 'List installed plugins: name, version, kind, API version, enabled, status',
            run: list,
          },
          'plugin:install': {
            usage: 'plugin:install <npm-spec|tarball|folder>',
            description: 'Install a plugin package (its manifest and API version are checked first)',
            async run({ args }) {
              const spec = onlyArgument(args, 'plugin to install');
              if (!spec) throw new UsageError('Please specify a plugin to install (npm spec, tarball or folder)');
              const entry = await installPlugin(manager, spec);
              const what = entry.scheduler === undefined ? '' : ` (scheduler ${entry.scheduler})`;
              log.info1(`Plugin ${entry.name}@${entry.version} installed and enabled${what}`);
            },
          },
          'plugin:uninstall': {
            usage: 'plugin:uninstall <name>',
            description: 'Uninstall a plugin',
            async run({ args }) {
              const entry = await uninstallPlugin(manager, onlyArgument(args, 'plugin name'));
              log.info1(`Plugin ${entry.name} uninstalled`);
              await warnIfSelected(manager, entry.scheduler);
            },
          },
          'plugin:enable': {
            usage: 'plugin:enable <name>',
            description: 'Enable an installed plugin',
            async run({ args }) {
              const { entry, changed } = await setPluginEnabled(manager, onlyArgument(args, 'plugin name'), true);
              log.info1(changed ? `Plugin ${entry.name} enabled` : `Plugin ${entry.name} is already enabled`);
            },
          },
          'plugin:disable': {
            usage: 'plugin:disable <name>',
            description: 'Disable an installed plugin without uninstalling it',
            async run({ args }) {
              const { entry, changed } = await setPluginEnabled(manager, onlyArgument(args, 'plugin name'), false);
              log.info1(changed ? `Plugin ${entry.name} disabled` : `Plugin ${entry.name} is already disabled`);
              if (changed) await warnIfSelected(manager, entry.scheduler);
            },
          },
        },
      });
    },
  });
}
