/**
 * The `<plugin>:report` / `<plugin>:set` pair every plugin with settings has (Dokku's
 * `scheduler-docker-local:report|set`), its help topic and its `pier report` section, all from
 * one property set. Rendering belongs to @pier/report (through report:render); the plugin only
 * supplies the values. Registration is cheap: nothing here talks to an engine.
 */
import { registerCommands } from '../commands/register-commands.js';
import type { PluginContext } from '../plugin/define-plugin.js';
import { reportCollect, reportRender } from '../triggers/report.js';
import type { PropertySet } from './define-properties.js';
import { propertyClient } from './property-client.js';
import { runPropertySetCommand, type PropertySetOptions } from './property-set-command.js';

export interface SettingsCommandsOptions extends PropertySetOptions {
  /** The help topic's one-line description, e.g. `Manage the docker-local scheduler integration for an app`. */
  description: string;
  /** Whether the JSON report also has the `<plugin>-` prefixed keys (Dokku's EmitLegacyPrefix); default false. */
  emitLegacyPrefix?: boolean;
  /** The help layout (see CommandTopic.helpStyle). */
  helpStyle?: 'go' | 'bash';
}

/** Registers `<plugin>:report`, `<plugin>:set`, their help topic and the report section named after `properties.plugin`. */
export function registerSettingsCommands<K extends string>(
  context: PluginContext,
  properties: PropertySet<K>,
  { description, emitLegacyPrefix = false, helpStyle, ...setOptions }: SettingsCommandsOptions,
): void {
  const topic = properties.plugin;
  const settings = propertyClient(context.bus, properties);

  context.bus.tapKeyed(reportCollect, topic, async ({ app }) => ({
    flags: await settings.reportFlags(app),
    trimPrefix: true,
    emitLegacyPrefix,
  }));

  registerCommands(context, {
    topic,
    description,
    ...(helpStyle === undefined ? {} : { helpStyle }),
    commands: {
      [`${topic}:report`]: {
        usage: `${topic}:report [<app>] [<flag>]`,
        description: `Displays a ${topic} report for one or more apps`,
        async run({ args }) {
          await context.bus.first(reportRender, { section: topic, args, global: true });
        },
      },
      [`${topic}:set`]: {
        usage: `${topic}:set [<app>|--global] <property> (<value>)`,
        description: `Set or clear a ${topic} property for an app`,
        run: ({ args }) => runPropertySetCommand(context, properties, args, setOptions),
      },
    },
  });
}
