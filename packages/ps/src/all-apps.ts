/**
 * Dokku's `--all` runners for ps:stop/start/restart/rebuild/restore (common.RunCommandAgainstAllApps):
 * serial by default, a worker pool with `--parallel N`, `-1` for one worker per CPU. A failing app
 * does not stop the others; the command fails at the end with the number of failures.
 */
import { availableParallelism } from 'node:os';
import { ErrorCodes, PierError, UsageError, appList, messageOf, type Output, type TriggerBus } from '@pier/plugin-api';

const NO_APPS = "You haven't deployed any applications yet";

/** `--parallel` as given (default 0 = serial), checked as Dokku does. */
export function resolveParallel(raw: string | undefined, log: Output): number {
  if (raw === undefined) return 0;
  if (!/^-?\d+$/.test(raw) || Number(raw) < -1) throw new UsageError(`Invalid value ${raw} for --parallel flag`);
  const parallel = Number(raw);
  if (parallel !== -1) return parallel;
  const cpus = availableParallelism();
  log.warn(`Setting --parallel=-1 value to CPU count of ${cpus}`);
  return cpus;
}

async function serially(log: Output, apps: string[], command: string, run: (app: string) => Promise<void>): Promise<void> {
  log.warn(`Running ${command} in serial mode`);
  let errors = 0;
  for (const app of apps) {
    log.info1(`Running ${command} against app ${app}`);
    try {
      await run(app);
    } catch (error) {
      log.warn(`Error running ${command} against app ${app}: ${messageOf(error)}`);
      errors++;
    }
  }
  if (errors > 0) throw new PierError(ErrorCodes.COMMAND_FAILED, `${command} command returned ${errors} errors`);
}

async function inParallel(log: Output, apps: string[], command: string, workers: number, run: (app: string) => Promise<void>): Promise<void> {
  const queue = [...apps];
  let errors = 0;
  async function worker(): Promise<void> {
    for (let app = queue.shift(); app !== undefined; app = queue.shift()) {
      log.info1(`Running command against ${app}`);
      try {
        await run(app);
      } catch (error) {
        log.warn(`Error running ${command} against ${app}: ${messageOf(error)}`);
        errors++;
      }
    }
  }
  await Promise.all(Array.from({ length: Math.min(workers, apps.length) }, worker));
  if (errors > 0) throw new PierError(ErrorCodes.COMMAND_FAILED, `Encountered ${errors} errors during parallel run`);
}

/** Runs `run` for every app; `command` is Dokku's short name (`stop`, `restart`, ...). */
export async function forEachApp(
  bus: TriggerBus,
  log: Output,
  command: string,
  parallelFlag: string | undefined,
  run: (app: string) => Promise<void>,
): Promise<void> {
  const parallel = resolveParallel(parallelFlag, log);
  const apps = (await bus.first(appList, {})) ?? [];
  if (apps.length === 0) {
    log.warn(NO_APPS);
    return;
  }
  if (parallel <= 1) await serially(log, apps, command, run);
  else await inParallel(log, apps, command, parallel, run);
}
