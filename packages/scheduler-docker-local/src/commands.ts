/**
 * `scheduler-docker-local:report` and `:set`, their help topic and the report section, from the
 * shared settings commands of plugin-api; this plugin only says how Dokku's differ.
 */
import { registerSettingsCommands, type PluginContext } from '@pier/plugin-api';
import { dockerLocalProperties, validatePropertyValue } from './properties.js';

export function registerDockerLocalCommands(context: PluginContext): void {
  registerSettingsCommands(context, dockerLocalProperties, {
    description: 'Manage the docker-local scheduler integration for an app',
    // Dokku's help for this plugin is bash (`column -t`): nothing after the last command.
    helpStyle: 'bash',
    // Dokku's bash :set says "key" where the Go ones say "property" (and follows the bash flow).
    noun: 'key',
    validateValue: validatePropertyValue,
  });
}
