import type { OutputOf, commandHelp } from '@pier/plugin-api';

type HelpTopic = OutputOf<typeof commandHelp>;

/** Dokku formats help with `column -t`: the second column starts two spaces after the longest first one. */
export function columns(rows: [string, string][]): string[] {
  const width = Math.max(0, ...rows.map(([left]) => left.length));
  return rows.map(([left, right]) => `${left.padEnd(width)}  ${right}`);
}

export function globalHelp(topics: HelpTopic[], all: boolean): string {
  const rows: [string, string][] = all
    ? topics.flatMap((t) => t.commands.map((c): [string, string] => [`    ${c.usage}`, c.description]))
    : topics.map((t): [string, string] => [`    ${t.topic}`, t.description]);
  rows.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return [
    'Usage: pier [--quiet|--trace|--force] COMMAND <app> [command-specific-options]',
    '',
    'Primary help options, type "pier COMMAND:help" for more details, or pier help --all to see all commands.',
    '',
    'Commands:',
    '',
    ...columns(rows),
    '',
  ].join('\n');
}

/** `pier <topic>:help`, Dokku's CommandUsage layout. */
export function topicHelp(topic: HelpTopic): string {
  const header = [`Usage: pier ${topic.topic}[:COMMAND]`, '', topic.description, ''];
  if (topic.commands.length === 0) return [...header, ''].join('\n');
  const rows = topic.commands.map((c): [string, string] => [`    ${c.usage}`, c.description]);
  return [...header, 'Additional commands:', ...columns(rows), '', ''].join('\n');
}
