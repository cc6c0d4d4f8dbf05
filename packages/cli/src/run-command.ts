import { ErrorCodes, PierError, commandHelp, commandRun } from '@pier/plugin-api';
import type { GlobalFlags } from './global-flags.js';
import { globalHelp, topicHelp } from './help.js';
import type { Host } from './host.js';

/** Dokku's command aliases (`docker-local:report` → `scheduler-docker-local:report`). */
const aliases: Record<string, string> = { 'docker-local': 'scheduler-docker-local' };

function expandAlias(command: string): string {
  const [topic, ...sub] = command.split(':');
  const target = aliases[topic ?? ''];
  return target ? [target, ...sub].join(':') : command;
}

/** Resolves argv (after the global flags) to a command, help, or Dokku's "not a command" error. */
export async function runCommand(host: Host, flags: GlobalFlags, argv: string[], version: string): Promise<number> {
  const { bus, log } = host;
  const [first, ...rest] = argv;
  if (first === undefined || first === 'help' || first === '--help' || first === '-h') {
    log.write(globalHelp(await bus.collect(commandHelp, {}), rest.includes('--all')));
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
    const args = flags.app !== undefined ? [flags.app, ...rest] : rest;
    const result = await bus.keyed(commandRun, command, { command, args, force: flags.force });
    return result?.exitCode ?? 0;
  }

  const topics = await bus.collect(commandHelp, {});
  const topic = topics.find((t) => t.topic === topicName || (wantsHelp && t.topic === command.split(':')[0]));
  if (topic && (wantsHelp || topicName === command)) {
    log.write(topicHelp(topic));
    return 0;
  }
  throw new PierError(
    ErrorCodes.UNKNOWN_COMMAND,
    `\`${argv.join(' ')}\` is not a pier command.\nSee \`pier help\` for a list of available commands.`,
  );
}
