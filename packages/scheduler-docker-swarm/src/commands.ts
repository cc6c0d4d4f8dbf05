/**
 * `scheduler-docker-swarm:report` and `:set`, their help topic and the report section, from the
 * shared settings commands of plugin-api. Set up at registration, so it must stay cheap: no
 * dockerode here.
 */
import { registerSettingsCommands as registerPropertyCommands, type PluginContext } from '@pier/plugin-api';
import { dockerSwarmProperties, validatePropertyValue } from './properties.js';

export function registerSettingsCommands(context: PluginContext): void {
  registerPropertyCommands(context, dockerSwarmProperties, {
    description: 'Manage the docker-swarm scheduler integration for an app',
    // The same flow and wording as scheduler-docker-local:set (Dokku's bash :set says "key").
    noun: 'key',
    validateValue: validatePropertyValue,
  });
}
