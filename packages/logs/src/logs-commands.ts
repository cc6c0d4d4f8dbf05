import type { CommandTopic, PluginContext } from '@pier/plugin-api';
import { failedCommand } from './failed-command.js';
import { logsCommand } from './logs-command.js';

/**
 * The `logs` topic: `logs <app>` and `logs:failed`. Further commands (logs:report/set) are one
 * more entry each, in files of their own.
 */
export function logsCommands(context: PluginContext): CommandTopic {
  return {
    topic: 'logs',
    description: 'Manage log integration for an app',
    commands: {
      logs: logsCommand(context),
      'logs:failed': failedCommand(context),
    },
  };
}
