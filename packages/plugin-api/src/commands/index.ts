export { registerCommands, type CommandInput, type CommandResult, type CommandSpec, type CommandTopic } from './register-commands.js';
