import { definePlugin, registerCommands, type PierPlugin } from '@pier/plugin-api';
import { logsCommands } from './logs-commands.js';

/** Logs of an app's processes, read through the app's scheduler. */
export function logs(): PierPlugin {
  return definePlugin({
    name: '@pier/logs',
    register(context) {
      registerCommands(context, logsCommands(context));
    },
  });
}
