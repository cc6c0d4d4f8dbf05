import { ErrorCodes, PierError, commandHelp, commandRun, topicHelp, type OutputOf } from '@pier/plugin-api';
import type { GlobalFlags } from './global-flags.js';
import { globalHelp, type HelpTopics } from './help.js';
import type { Host } from './host.js';

/** Dokku's command aliases (`docker-local:report` → `scheduler-docker-local:report`; Pier's `docker-swarm:*` likewise). */
const aliases: Record<string, string> = { 'docker-local': 'scheduler-docker-local', 'docker-swarm': 'scheduler-docker-swarm' };

const topicOf = (command: string) => command.split(':')[0] ?? '';

function expandAlias(command: string): string {
  const [topic, ...sub] = command.split(':');
  const target = aliases[topic ?? ''];
  return target ? [target, ...sub].join(':') : command;
}

/** The help topics split by who registered them: third-party plugins are Dokku's "community" ones. */
async function helpTopics(host: Host): Promise<HelpTopics> {
  const topics = await host.bus.collect(commandHelp, {});
  // collect answers in tap order, so the taps say which plugin gave which topic.
  const owners = host.bus.taps(commandHelp).map((tap) => tap.plugin);
  const thirdParty = new Set(host.installed.plugins.filter((p) => p.state === 'loaded').map((p) => p.name));
  const split: HelpTopics = { core: [], community: [] };
  topics.forEach((topic, i) => (thirdParty.has(owners[i] ?? '') ? split.community : split.core).push(topic));
  return split;
}

/**
 * Dokku's "not a command" error. For a known topic Dokku has already inserted the `--app` app
 * after the command when it finds out (`scheduler:bogus cl2 x`), so the message shows it too.
 */
function unknownCommand(argv: string[], app: string | undefined, topics: OutputOf<typeof commandHelp>[], commands: string[]): PierError {
  const [first = '', ...rest] = argv;
  const known = topics.some((t) => t.topic === topicOf(expandAlias(first))) || commands.some((c) => topicOf(c) === topicOf(expandAlias(first)));
  const words = app && known ? [first, app, ...rest] : argv;
  return new PierError(
    ErrorCodes.UNKNOWN_COMMAND,
    `\`${words.join(' ')}\` is not a pier command.\nSee \`pier help\` for a list of available commands.`,
  );
}

/** Resolves argv (after the global flags) to a command, help, or Dokku's "not a command" error. */
export async function runCommand(host: Host, flags: GlobalFlags, argv: string[], version: string): Promise<number> {
  const { bus, log } = host;
  const [first, ...rest] = argv;
  // `pier help apps` is asking for the apps topic: answer it as `pier apps:help`.
  if (first === 'help' && rest[0] !== undefined && !rest[0].startsWith('-')) return runCommand(host, flags, [`${rest[0]}:help`], version);
  if (first === undefined || first === 'help' || first === '--help' || first === '-h') {
    log.write(globalHelp(await helpTopics(host), { all: rest.includes('--all'), quiet: log.quiet }));
    return 0;
  }
  if (first === 'version' || first === '--version') {
    log.line(`pier ${version}`);
    return 0;
  }

  const command = expandAlias(first);
  const topicName = command.endsWith(':help') ? command.slice(0, -':help'.length) : command;
  const commands = bus.keys(commandRun);
  const wantsHelp = rest[0] === '--help' || rest[0] === '-h' || command.endsWith(':help');
  if (commands.includes(command) && !wantsHelp) {
    // Dokku inserts the app only when it is not empty (`--app=` inserts nothing).
    const args = flags.app ? [flags.app, ...rest] : rest;
    const result = await bus.keyed(commandRun, command, { command, args, force: flags.force });
    return result?.exitCode ?? 0;
  }

  const topics = await bus.collect(commandHelp, {});
  const topic = topics.find((t) => t.topic === topicName || (wantsHelp && t.topic === topicOf(command)));
  if (topic && (wantsHelp || topicName === command)) {
    log.write(topicHelp(topic));
    return 0;
  }
  throw unknownCommand(argv, flags.app, topics, commands);
}
