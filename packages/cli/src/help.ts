import { helpColumns, type HelpTopic } from '@pier/plugin-api';

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

/** One section of `pier help`, sorted as `LC_ALL=C sort` does, laid out on its own (one `column` call each). */
function section(topics: HelpTopic[], all: boolean): string[] {
  const rows: [string, string][] = all
    ? topics.flatMap((t) => t.commands.map((c): [string, string] => [`    ${c.usage}`, c.description]))
    : topics.map((t): [string, string] => [`    ${t.topic}`, t.description]);
  rows.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return helpColumns(rows);
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
