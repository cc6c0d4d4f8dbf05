import {
  definePlugin,
  installedSchedulers,
  propertyClient,
  registerCommands,
  reportCollect,
  reportRender,
  runPropertySetCommand,
  schedulerDetect,
  type PierPlugin,
  schedulerNotInstalled,
} from '@pier/plugin-api';
import { schedulerProperties } from './scheduler-properties.js';

/** Scheduler selection: `scheduler:report`, `scheduler:set`, and the answer to scheduler:detect. */
export function scheduler(): PierPlugin {
  return definePlugin({
    name: '@pier/scheduler',
    register(context) {
      const { bus } = context;
      const props = propertyClient(bus, schedulerProperties);

      // app → --global → docker-local (Dokku's scheduler-detect); '--global' skips the app step.
      bus.tap(schedulerDetect, ({ app }) => props.computed(app, 'selected'));

      bus.tapKeyed(reportCollect, 'scheduler', async ({ app }) => ({
        flags: await props.reportFlags(app),
        trimPrefix: true,
        emitLegacyPrefix: true,
      }));

      /** Unlike Dokku, a scheduler that is not installed cannot be selected (an empty value still clears). */
      async function checkInstalled(key: string, value: string) {
        if (key !== 'selected') return;
        if (!installedSchedulers(bus).includes(value)) throw await schedulerNotInstalled(bus, value);
      }

      registerCommands(context, {
        topic: 'scheduler',
        description: 'Manage scheduler settings for an app',
        commands: {
          'scheduler:report': {
            usage: 'scheduler:report [<app>] [<flag>]',
            description: 'Displays a scheduler report for one or more apps',
            run: async ({ args }) => void (await bus.first(reportRender, { section: 'scheduler', args, global: true })),
          },
          'scheduler:set': {
            usage: 'scheduler:set <app> <property> (<value>)',
            description: 'Set or clear a scheduler property for an app',
            run: ({ args }) => runPropertySetCommand(context, schedulerProperties, args, { validateValue: checkInstalled }),
          },
        },
      });
    },
  });
}
