import { definePlugin, dispatchToScheduler, registerCommands, schedulerEnter, verifyApp, type PierPlugin } from '@pier/plugin-api';
import { parseEnterArgs } from './parse-enter-args.js';

/** `pier enter`: run a command (default: the app's shell) inside a running process. */
export function enter(): PierPlugin {
  return definePlugin({
    name: '@pier/enter',
    register(context) {
      const { bus, io } = context;
      registerCommands(context, {
        topic: 'enter',
        description: 'Connect to a specific app container',
        commands: {
          enter: {
            usage: 'enter <app> [<container-type> | --container-id <container-id>]',
            description: 'Connect to a specific app container',
            async run({ args }) {
              const parsed = parseEnterArgs(args);
              const app = await verifyApp(bus, parsed.app);
              const input = {
                app,
                command: parsed.command,
                tty: io.isTTY,
                ...(parsed.processType === undefined ? {} : { processType: parsed.processType }),
                ...(parsed.containerId === undefined ? {} : { containerId: parsed.containerId }),
              };
              return dispatchToScheduler(bus, schedulerEnter, input, 'enter');
            },
          },
        },
      });
    },
  });
}
