/**
 * `scheduler-docker-local:report` and `:set`, their help topic and the report collector.
 * Rendering belongs to @pier/report (via report:render); this plugin only supplies the values.
 */
import {
  propertyClient,
  registerCommands,
  reportCollect,
  reportRender,
  runPropertySetCommand,
  type PluginContext,
} from '@pier/plugin-api';
import { dockerLocalProperties, PROPERTY_PLUGIN, validatePropertyValue } from './properties.js';

export function registerDockerLocalCommands(context: PluginContext): void {
  const client = propertyClient(context.bus, dockerLocalProperties);

  context.bus.tapKeyed(reportCollect, PROPERTY_PLUGIN, async ({ app }) => ({
    flags: await client.reportFlags(app),
    trimPrefix: true,
    // Dokku's docker-local report emits the stripped JSON keys only.
    emitLegacyPrefix: false,
  }));

  registerCommands(context, {
    topic: PROPERTY_PLUGIN,
    description: 'Manage the docker-local scheduler integration for an app',
    // Dokku's help for this plugin is bash (`column -t`): nothing after the last command.
    helpStyle: 'bash',
    commands: {
      'scheduler-docker-local:report': {
        usage: 'scheduler-docker-local:report [<app>] [<flag>]',
        description: 'Displays a scheduler-docker-local report for one or more apps',
        async run({ args }) {
          await context.bus.first(reportRender, { section: PROPERTY_PLUGIN, args, global: true });
        },
      },
      'scheduler-docker-local:set': {
        usage: 'scheduler-docker-local:set [<app>|--global] <property> (<value>)',
        description: 'Set or clear a scheduler-docker-local property for an app',
        async run({ args }) {
          // Dokku's bash :set says "key" where the Go ones say "property".
          await runPropertySetCommand(context, dockerLocalProperties, args, {
            noun: 'key',
            validateValue: validatePropertyValue,
          });
        },
      },
    },
  });
}
