import { helpTopicOf, topicHelp, type CommandTopic, type PluginContext } from '@pier/plugin-api';
import { failedCommand } from './failed-command.js';
import { logsCommand } from './logs-command.js';

/**
 * The `logs` topic: `logs <app>` and `logs:failed`. Further commands (logs:report/set) are one
 * more entry each, in files of their own.
 */
export function logsCommands(context: PluginContext): CommandTopic {
  const topic: CommandTopic = {
    topic: 'logs',
    description: 'Manage log integration for an app',
    commands: {
      // `logs <app> -h` prints this topic's help, the bytes the CLI prints for `logs:help`.
      logs: logsCommand(context, () => topicHelp(helpTopicOf(topic))),
      'logs:failed': failedCommand(context),
    },
  };
  return topic;
}
