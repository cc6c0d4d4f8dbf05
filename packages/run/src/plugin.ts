import { definePlugin, registerCommands, type PierPlugin } from '@pier/plugin-api';
import { runCommands } from './run-commands.js';

/** One-off processes: `run`, `run:detached`, `run:list`, `run:logs`, `run:stop`, `run:retire`. */
export function run(): PierPlugin {
  return definePlugin({
    name: '@pier/run',
    register(context) {
      registerCommands(context, runCommands(context));
    },
  });
}
