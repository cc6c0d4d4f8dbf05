import {
  UsageError,
  colorWanted,
  dispatchToScheduler,
  parseCommandArgs,
  schedulerRun,
  schedulerRunList,
  schedulerRunLogs,
  schedulerRunRetire,
  schedulerRunStop,
  schedulersInUse,
  verifyApp,
  type CommandTopic,
  type PluginContext,
} from '@pier/plugin-api';
import { appOfRunContainer } from './container-name.js';
import { formatRunJson, formatRunLines, formatRunTable } from './format-run-list.js';
import { parseRunArgs } from './parse-run-args.js';

/** The `run:*` commands: argument handling here, the work in the app's scheduler. */
export function runCommands(context: PluginContext): CommandTopic {
  const { bus, log, io, env } = context;

  async function oneOff(args: string[], detached: boolean) {
    const parsed = parseRunArgs(args);
    const app = await verifyApp(bus, parsed.app);
    // Attached runs get a TTY when the caller has one (or with --force-tty, without one, as
    // `docker run -t`); detached ones only with --force-tty.
    const tty = parsed.forceTty || (!detached && io.isTTY && !parsed.noTty);
    const command = detached ? 'run:detached' : 'run';
    const result = await dispatchToScheduler(
      bus,
      schedulerRun,
      { app, command: parsed.command, env: parsed.env, detach: detached, tty, ttlSeconds: parsed.ttlSeconds },
      command,
    );
    if (detached && result.container) log.line(result.container);
    return { exitCode: result.exitCode };
  }

  /** `<app>` or `--container <app>.run.<n>`, as run:logs and run:stop take them. */
  async function target(app: string | undefined, container: string | undefined) {
    if (!app && !container) throw new UsageError('No container or app specified');
    const resolved = container ? appOfRunContainer(container, app) : app;
    return { app: await verifyApp(bus, resolved), ...(container ? { container } : {}) };
  }

  return {
    topic: 'run',
    description: 'Run a one-off process inside a container',
    commands: {
      run: {
        usage: 'run [-e|--env KEY=VALUE] [--no-tty] [--ttl-seconds 86400] <app> <cmd>',
        description: 'Run a command in a new container using the current app image',
        run: ({ args }) => oneOff(args, false),
      },
      'run:detached': {
        usage: 'run:detached [-e|--env KEY=VALUE] [--force-tty] [--ttl-seconds 86400] <app> <cmd>',
        description: 'Run a command in a new detached container using the current app image',
        run: ({ args }) => oneOff(args, true),
      },
      'run:list': {
        usage: 'run:list [--format json|stdout] [--quiet] <app>',
        description: 'List all run containers for an app',
        async run({ args }) {
          const { values, positionals } = parseCommandArgs(args, { format: { type: 'string' }, quiet: { type: 'boolean', short: 'q' } });
          const format = values.format ?? 'stdout';
          if (format !== 'stdout' && format !== 'json') throw new UsageError(`Format must be "stdout" or "json": "${format}"`);
          const app = await verifyApp(bus, positionals[0]);
          const containers = await dispatchToScheduler(bus, schedulerRunList, { app }, 'run:list');
          // A scheduler without one-off processes (null) lists nothing, as Dokku's prints nothing.
          if (containers === null) return format === 'json' ? log.line('[]') : undefined;
          if (format === 'json') return log.line(formatRunJson(containers));
          if (values.quiet || log.quiet) return formatRunLines(containers).forEach((line) => log.line(line));
          log.info2(`${app} run containers`);
          formatRunTable(containers).forEach((line) => log.line(line));
        },
      },
      'run:logs': {
        usage: 'run:logs <app>|--container <container> [-n|--num NUM] [-t|--tail] [-q|--quiet]',
        description: 'Display recent log output for run containers',
        async run({ args }) {
          const { values, positionals } = parseCommandArgs(args, {
            container: { type: 'string' },
            num: { type: 'string', short: 'n' },
            tail: { type: 'boolean', short: 't' },
            quiet: { type: 'boolean', short: 'q' },
          });
          const num = values.num ?? '100';
          if (!/^[0-9]+$/.test(num)) throw new UsageError(`Invalid value for --num: ${num}`);
          const where = await target(positionals[0], values.container);
          // Coloured as `logs` is: on a terminal, unless NO_COLOR.
          const input = { ...where, follow: values.tail ?? false, num: Number(num), quiet: values.quiet ?? false, color: colorWanted(io, env) };
          await dispatchToScheduler(bus, schedulerRunLogs, input, 'run:logs');
        },
      },
      'run:stop': {
        usage: 'run:stop <app>|--container <container>',
        description: 'Stops all run containers for an app or a specified run container',
        async run({ args }) {
          const { values, positionals } = parseCommandArgs(args, { container: { type: 'string' } });
          await dispatchToScheduler(bus, schedulerRunStop, await target(positionals[0], values.container), 'run:stop');
        },
      },
      'run:retire': {
        usage: 'run:retire [<app>]',
        description: 'Retire run containers past their time to live',
        async run({ args }) {
          const app = parseCommandArgs(args, {}).positionals[0];
          if (app !== undefined) {
            log.info1(`Retiring run and cron containers for app ${await verifyApp(bus, app)}`);
            return dispatchToScheduler(bus, schedulerRunRetire, { app }, 'run:retire');
          }
          // The global sweep asks every scheduler some app uses (as ps:retire does), not only the
          // global one; those without one-off processes to retire are skipped.
          log.info1('Retiring all run and cron containers');
          for (const name of (await schedulersInUse(bus)).filter((s) => bus.keys(schedulerRunRetire).includes(s))) {
            await bus.keyed(schedulerRunRetire, name, {});
          }
        },
      },
    },
  };
}
