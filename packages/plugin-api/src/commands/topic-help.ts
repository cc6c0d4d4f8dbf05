import type { OutputOf } from '../bus/define-trigger.js';
import type { commandHelp } from '../triggers/command.js';
import type { CommandTopic } from './register-commands.js';

/** One help topic as `command:help` answers it. */
export type HelpTopic = OutputOf<typeof commandHelp>;

/** Dokku formats help with `column -t`: the second column starts two spaces after the longest first one. */
export function helpColumns(rows: readonly (readonly [string, string])[]): string[] {
  const width = Math.max(0, ...rows.map(([left]) => left.length));
  return rows.map(([left, right]) => `${left.padEnd(width)}  ${right}`);
}

/** What a topic registered with registerCommands answers on `command:help`: its visible commands. */
export function helpTopicOf(topic: CommandTopic): HelpTopic {
  return {
    topic: topic.topic,
    description: topic.description,
    commands: Object.values(topic.commands)
      .filter((spec) => !spec.hidden)
      .map(({ usage, description }) => ({ usage, description })),
    ...(topic.helpStyle === undefined ? {} : { style: topic.helpStyle }),
  };
}

/**
 * `pier <topic>:help`, in the layout of the Dokku plugin the topic mirrors: Go's CommandUsage
 * ends with a line of four spaces (columnize prefixes the last, empty, line too); bash's
 * `column -t` ends with the last command. A topic without commands ends with a blank line. The
 * CLI prints it for `<topic>:help`; a command that answers `-h` itself (Dokku's `logs <app> -h`)
 * prints `topicHelp(helpTopicOf(itsTopic))`, the same bytes.
 */
export function topicHelp(topic: HelpTopic): string {
  const header = [`Usage: pier ${topic.topic}[:COMMAND]`, '', topic.description, ''];
  if (topic.commands.length === 0) return [...header, ''].join('\n');
  const rows = helpColumns(topic.commands.map((c): [string, string] => [`    ${c.usage}`, c.description]));
  const end = topic.style === 'bash' ? [] : ['    '];
  return [...header, 'Additional commands:', ...rows, ...end, ''].join('\n');
}
