import type { InputOf } from '../bus/define-trigger.js';
import type { PluginContext } from '../plugin/define-plugin.js';
import { commandHelp, commandRun } from '../triggers/command.js';
import { helpTopicOf } from './topic-help.js';

export type CommandInput = InputOf<typeof commandRun>;
/** A command returns nothing (exit 0) or the exit status to pass through; failures are thrown. */
export type CommandResult = void | { exitCode: number };

export interface CommandSpec {
  /** Usage line for help, e.g. `scheduler:report [<app>] [<flag>]`. */
  usage: string;
  description: string;
  /** Left out of help listings (aliases, plumbing). */
  hidden?: boolean;
  run(input: CommandInput): Promise<CommandResult> | CommandResult;
}

export interface CommandTopic {
  /** The help topic, usually the plugin's command prefix: `pier scheduler:help`. */
  topic: string;
  description: string;
  commands: Record<string, CommandSpec>;
  /**
   * Dokku prints `<topic>:help` in two layouts, and Pier copies the one of the plugin a topic
   * mirrors: `go` (the default; Go's CommandUsage, whose last line is four spaces) or `bash`
   * (`column -t`, nothing after the last command).
   */
  helpStyle?: 'go' | 'bash';
}

/**
 * Registers a plugin's commands (keyed `command:run` taps) and its help topic. A command named
 * exactly like the topic (e.g. `apps`) replaces the topic's default, which is to print help.
 */
export function registerCommands(context: PluginContext, topic: CommandTopic): void {
  for (const [name, spec] of Object.entries(topic.commands)) {
    context.bus.tapKeyed(commandRun, name, async (input) => (await spec.run(input)) ?? undefined);
  }
  context.bus.tap(commandHelp, () => helpTopicOf(topic));
}
