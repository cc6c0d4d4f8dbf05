/**
 * Dokku's `--all` runners for ps:stop/start/restart/rebuild/restore (common.RunCommandAgainstAllApps):
 * serial by default, a worker pool with `--parallel N`, `-1` for one worker per CPU. A failing app
 * does not stop the others; the command fails at the end with the number of failures.
 *
 * An interrupt does stop them (interrupt-watch.ts): no app is started after it, the ones in
 * flight end (an interrupted deploy cleans up after itself), and the command exits 130 (143 for
 * SIGTERM) instead of carrying on with every remaining app.
 */
import { availableParallelism } from 'node:os';
import { ErrorCodes, PierError, UsageError, appList, messageOf, signalExitCode, signalOfExitCode, type Output, type TriggerBus } from '@pier/plugin-api';
import { watchProcessInterrupts, type InterruptWatch, type WatchInterrupts } from './interrupt-watch.js';

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

const isInterrupted = (error: unknown) => error instanceof PierError && error.code === ErrorCodes.INTERRUPTED;

/** How the run ends once interrupted: the apps it never got to are named, none of them was touched. */
function interruptedRun(command: string, signal: NodeJS.Signals, left: string[]): PierError {
  const rest = left.length === 0 ? '' : `; not run against ${left.join(', ')}`;
  return new PierError(ErrorCodes.INTERRUPTED, `${command} interrupted by ${signal}${rest}`, { exitCode: signalExitCode(signal) });
}

/**
 * The interrupt that ends the run: the watch's, or one an app's command reported without a
 * process signal (an embedding program's own cancellation), read back from its exit status.
 */
function interruptOf(watch: InterruptWatch, error: unknown): NodeJS.Signals | null {
  if (watch.signal !== null) return watch.signal;
  return isInterrupted(error) ? signalOfExitCode((error as PierError).exitCode) : null;
}

interface Runner {
  log: Output;
  command: string;
  watch: InterruptWatch;
  run: (app: string) => Promise<void>;
}

async function serially({ log, command, watch, run }: Runner, apps: string[]): Promise<void> {
  log.warn(`Running ${command} in serial mode`);
  let errors = 0;
  for (const [n, app] of apps.entries()) {
    log.info1(`Running ${command} against app ${app}`);
    let failure: unknown;
    try {
      await run(app);
    } catch (error) {
      log.warn(`Error running ${command} against app ${app}: ${messageOf(error)}`);
      errors++;
      failure = error;
    }
    const signal = interruptOf(watch, failure);
    if (signal !== null) throw interruptedRun(command, signal, apps.slice(n + 1));
  }
  if (errors > 0) throw new PierError(ErrorCodes.COMMAND_FAILED, `${command} command returned ${errors} errors`);
}

async function inParallel({ log, command, watch, run }: Runner, apps: string[], workers: number): Promise<void> {
  const queue = [...apps];
  let errors = 0;
  let signal: NodeJS.Signals | null = null;
  async function worker(): Promise<void> {
    while (signal === null && watch.signal === null) {
      const app = queue.shift();
      if (app === undefined) return;
      log.info1(`Running command against ${app}`);
      try {
        await run(app);
      } catch (error) {
        log.warn(`Error running ${command} against ${app}: ${messageOf(error)}`);
        errors++;
        signal ??= interruptOf(watch, error);
      }
    }
  }
  await Promise.all(Array.from({ length: Math.min(workers, apps.length) }, worker));
  signal ??= watch.signal;
  if (signal !== null) throw interruptedRun(command, signal, queue);
  if (errors > 0) throw new PierError(ErrorCodes.COMMAND_FAILED, `Encountered ${errors} errors during parallel run`);
}

/** Runs `run` for every app; `command` is Dokku's short name (`stop`, `restart`, ...). */
export async function forEachApp(
  bus: TriggerBus,
  log: Output,
  command: string,
  parallelFlag: string | undefined,
  run: (app: string) => Promise<void>,
  watchInterrupts: WatchInterrupts = watchProcessInterrupts(),
): Promise<void> {
  const parallel = resolveParallel(parallelFlag, log);
  const apps = (await bus.first(appList, {})) ?? [];
  if (apps.length === 0) {
    log.warn(NO_APPS);
    return;
  }
  const watch = watchInterrupts();
  try {
    const runner = { log, command, watch, run };
    if (parallel <= 1) await serially(runner, apps);
    else await inParallel(runner, apps, parallel);
  } finally {
    watch.stop();
  }
}
