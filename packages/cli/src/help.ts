import type { OutputOf, commandHelp } from '@pier/plugin-api';

type HelpTopic = OutputOf<typeof commandHelp>;

/** The help topics of one invocation: the built-in plugins' and the third-party ones'. */
export interface HelpTopics {
  core: HelpTopic[];
  community: HelpTopic[];
}

export interface GlobalHelpOptions {
  /** `pier help --all`: every command instead of one line per topic. */
  all: boolean;
  /** `--quiet` drops the header, as Dokku prints it with `dokku_log_quiet`. */
  quiet: boolean;
}

/** Dokku formats help with `column -t`: the second column starts two spaces after the longest first one. */
export function columns(rows: [string, string][]): string[] {
  const width = Math.max(0, ...rows.map(([left]) => left.length));
  return rows.map(([left, right]) => `${left.padEnd(width)}  ${right}`);
}

/** One section of `pier help`, sorted as `LC_ALL=C sort` does, laid out on its own (one `column` call each). */
function section(topics: HelpTopic[], all: boolean): string[] {
  const rows: [string, string][] = all
    ? topics.flatMap((t) => t.commands.map((c): [string, string] => [`    ${c.usage}`, c.description]))
    : topics.map((t): [string, string] => [`    ${t.topic}`, t.description]);
  rows.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return columns(rows);
}

/**
 * `pier help [--all]`, Dokku's layout: the header, the built-in topics (or commands), then the
 * third-party ones under "Community plugin commands:" — always with `--all`, only when there are
 * any without it.
 */
export function globalHelp(topics: HelpTopics, options: GlobalHelpOptions): string {
  const header = options.quiet
    ? []
    : [
        'Usage: pier [--quiet|--trace|--force] COMMAND <app> [command-specific-options]',
        '',
        'Primary help options, type "pier COMMAND:help" for more details, or pier help --all to see all commands.',
        '',
        'Commands:',
        '',
      ];
  const community =
    options.all || topics.community.length > 0 ? ['', 'Community plugin commands:', '', ...section(topics.community, options.all)] : [];
  return [...header, ...section(topics.core, options.all), ...community, ''].join('\n');
}

/**
 * `pier <topic>:help`, in the layout of the Dokku plugin the topic mirrors: Go's CommandUsage
 * ends with a line of four spaces (columnize prefixes the last, empty, line too); bash's
 * `column -t` ends with the last command. A topic without commands ends with a blank line.
 */
export function topicHelp(topic: HelpTopic): string {
  const header = [`Usage: pier ${topic.topic}[:COMMAND]`, '', topic.description, ''];
  if (topic.commands.length === 0) return [...header, ''].join('\n');
  const rows = columns(topic.commands.map((c): [string, string] => [`    ${c.usage}`, c.description]));
  const end = topic.style === 'bash' ? [] : ['    '];
  return [...header, 'Additional commands:', ...rows, ...end, ''].join('\n');
}
