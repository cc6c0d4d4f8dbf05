export { registerCommands, type CommandInput, type CommandResult, type CommandSpec, type CommandTopic } from './register-commands.js';
export { parseCommandArgs, type FlagSpec, type ParsedCommandArgs } from './parse-command-args.js';
export { helpColumns, helpTopicOf, topicHelp, type HelpTopic } from './topic-help.js';
