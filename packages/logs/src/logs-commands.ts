import type { CommandTopic, PluginContext } from '@pier/plugin-api';
import { failedCommand } from './failed-command.js';

/**
 * The `logs` topic. Only logs:failed exists so far; the `logs <app>` command itself (and
 * logs:report/set) will be added here as one more entry each, in files of their own.
 */
export function logsCommands(context: PluginContext): CommandTopic {
  return {
    topic: 'logs',
    description: 'Manage log integration for an app',
    commands: {
      'logs:failed': failedCommand(context),
    },
  };
}
