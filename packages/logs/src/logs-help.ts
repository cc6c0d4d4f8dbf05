/**
 * `pier logs <app> -h`: Dokku's logs command answers `-h` anywhere among its arguments with the
 * same usage() as `logs:help`. The CLI renders `<topic>:help`; a plugin cannot call it, so this is
 * that layout for the logs topic (Go's CommandUsage: `column -t` rows, then a line of four
 * spaces), which an e2e test keeps byte-equal to `pier logs:help`.
 */
import { commandHelp, type TriggerBus } from '@pier/plugin-api';

export async function logsTopicHelp(bus: TriggerBus): Promise<string> {
  const topic = (await bus.collect(commandHelp, {})).find((t) => t.topic === 'logs');
  if (!topic) return '';
  const width = Math.max(0, ...topic.commands.map((c) => c.usage.length + 4));
  const rows = topic.commands.map((c) => `${`    ${c.usage}`.padEnd(width)}  ${c.description}`);
  return [`Usage: pier ${topic.topic}[:COMMAND]`, '', topic.description, '', 'Additional commands:', ...rows, '    ', ''].join('\n');
}
