/**
 * logs:failed: the output of the containers the last failed deploy left behind (kept, stopped,
 * by the scheduler until ps:retire). `--all` goes over every app and, unlike Dokku's bash loop,
 * carries on past an app whose scheduler fails, reporting the count at the end.
 */
import {
  ErrorCodes,
  PierError,
  appList,
  dispatchToScheduler,
  messageOf,
  parseCommandArgs,
  schedulerLogsFailed,
  verifyApp,
  type CommandSpec,
  type PluginContext,
} from '@pier/plugin-api';

const NO_APPS = "You haven't deployed any applications yet";

export function failedCommand(context: PluginContext): CommandSpec {
  const { bus, log } = context;

  async function showFailed(app: string): Promise<void> {
    log.info2Quiet(`${app} failed deploy logs`);
    await dispatchToScheduler(bus, schedulerLogsFailed, { app }, 'logs:failed');
  }

  async function showAll(): Promise<void> {
    const apps = (await bus.first(appList, {})) ?? [];
    if (apps.length === 0) return log.warn(NO_APPS);
    let errors = 0;
    for (const app of apps) {
      log.info1(`Running logs:failed against app ${app}`);
      try {
        await showFailed(app);
      } catch (error) {
        log.warn(`Error running logs:failed against app ${app}: ${messageOf(error)}`);
        errors++;
      }
    }
    if (errors > 0) throw new PierError(ErrorCodes.COMMAND_FAILED, `logs:failed command returned ${errors} errors`);
  }

  return {
    usage: 'logs:failed [--all|<app>]',
    description: 'Shows the last failed deploy logs',
    async run({ args }) {
      const { values, positionals } = parseCommandArgs(args, { all: { type: 'boolean' } });
      if (values.all) return showAll();
      await showFailed(await verifyApp(bus, positionals[0]));
    },
  };
}
