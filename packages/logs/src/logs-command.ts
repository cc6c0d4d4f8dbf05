/**
 * `pier logs <app>`: the output of an app's processes, read by its scheduler (Dokku's `logs`).
 * Colour is decided here, where the terminal is known: only when stdout is a terminal and
 * NO_COLOR is unset (colorWanted, the rule run:logs follows too).
 */
import {
  ErrorCodes,
  PierError,
  UsageError,
  colorWanted,
  dispatchToScheduler,
  parseCommandArgs,
  schedulerIsDeployed,
  schedulerLogs,
  verifyApp,
  type CommandSpec,
  type PluginContext,
} from '@pier/plugin-api';

/**
 * `logs <app>`. Dokku's logs command answers `-h` anywhere among its arguments with the same
 * usage() as `logs:help`: `help` renders it (the topic's help, from logsCommands).
 */
export function logsCommand(context: PluginContext, help: () => string): CommandSpec {
  const { bus, io, env, log } = context;
  return {
    usage: 'logs <app> [-h] [-t] [-n num] [-q] [-p process]',
    description: 'Display recent log output',
    async run({ args }) {
      const { values, positionals } = parseCommandArgs(args, {
        help: { type: 'boolean', short: 'h' },
        num: { type: 'string', short: 'n' },
        ps: { type: 'string', short: 'p' },
        tail: { type: 'boolean', short: 't' },
        quiet: { type: 'boolean', short: 'q' },
      });
      if (values.help) return log.write(help());
      const num = values.num ?? '100';
      if (!/^[0-9]+$/.test(num)) throw new UsageError(`Invalid value for --num: ${num}`);
      const app = await verifyApp(bus, positionals[0]);
      if (!(await dispatchToScheduler(bus, schedulerIsDeployed, { app }, 'logs'))) {
        throw new PierError(ErrorCodes.APP_NOT_DEPLOYED, `App ${app} has not been deployed`);
      }
      const color = colorWanted(io, env);
      await dispatchToScheduler(
        bus,
        schedulerLogs,
        {
          app,
          follow: values.tail ?? false,
          num: Number(num),
          quiet: values.quiet ?? false,
          color,
          ...(values.ps === undefined ? {} : { processType: values.ps }),
        },
        'logs',
      );
    },
  };
}
