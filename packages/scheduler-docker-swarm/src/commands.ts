/**
 * `scheduler-docker-swarm:report` and `:set`, their help topic and the report section. Rendering
 * belongs to @pier/report (through report:render); this plugin only supplies the values. Set up
 * at registration, so it must stay cheap: no dockerode here.
 */
import {
  propertyClient,
  registerCommands,
  reportCollect,
  reportRender,
  runPropertySetCommand,
  type PluginContext,
} from '@pier/plugin-api';
import { dockerSwarmProperties, PROPERTY_PLUGIN, validatePropertyValue } from './properties.js';

export function registerSettingsCommands(context: PluginContext): void {
  const settings = propertyClient(context.bus, dockerSwarmProperties);

  context.bus.tapKeyed(reportCollect, PROPERTY_PLUGIN, async ({ app }) => ({
    flags: await settings.reportFlags(app),
    trimPrefix: true,
    // Like docker-local's report: the stripped JSON keys only.
    emitLegacyPrefix: false,
  }));

  registerCommands(context, {
    topic: PROPERTY_PLUGIN,
    description: 'Manage the docker-swarm scheduler integration for an app',
    commands: {
      'scheduler-docker-swarm:report': {
        usage: 'scheduler-docker-swarm:report [<app>] [<flag>]',
        description: 'Displays a scheduler-docker-swarm report for one or more apps',
        async run({ args }) {
          await context.bus.first(reportRender, { section: PROPERTY_PLUGIN, args, global: true });
        },
      },
      'scheduler-docker-swarm:set': {
        usage: 'scheduler-docker-swarm:set [<app>|--global] <property> (<value>)',
        description: 'Set or clear a scheduler-docker-swarm property for an app',
        async run({ args }) {
          // The same flow and wording as scheduler-docker-local:set (Dokku's bash :set says "key").
          await runPropertySetCommand(context, dockerSwarmProperties, args, { noun: 'key', validateValue: validatePropertyValue });
        },
      },
    },
  });
}
