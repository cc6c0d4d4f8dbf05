/**
 * ps:retire: remove the containers (and images) old deploys left behind once their grace period
 * is over, then one-off containers past their time to live. Meant for a timer: a run with nothing
 * to do prints the two headers and exits 0.
 *
 * Without an app, Dokku only asks the global scheduler. Pier asks every installed scheduler some
 * app (or --global) selects, so apps on a non-global scheduler are retired too; schedulers
 * without the capability are skipped there. With an app, its scheduler must support retiring.
 *
 * No app lock is taken, as in Dokku: a cron ps:retire must not fail because a deploy is running.
 * It only ever touches containers whose grace period has passed and that no longer hold a live
 * name (the scheduler's side of that promise), which a concurrent deploy never gives back.
 */
import {
  dispatchToScheduler,
  parseCommandArgs,
  schedulerRetire,
  schedulerRunRetire,
  schedulersInUse,
  selectedScheduler,
  verifyApp,
  type CommandResult,
  type CommandSpec,
} from '@pier/plugin-api';
import type { Ps } from './ps-context.js';
import { acquireRetireLock } from './retire-lock.js';

/** Dokku's exit status when another ps:retire holds the lock (its systemd unit treats it as success). */
const LOCK_HELD_EXIT = 137;

async function retireApp(ps: Ps, app: string): Promise<void> {
  const { bus, log } = ps;
  log.info1('Retiring old containers and images');
  await dispatchToScheduler(bus, schedulerRetire, { app }, 'ps:retire');
  const scheduler = await selectedScheduler(bus, app);
  if (!bus.keys(schedulerRunRetire).includes(scheduler)) return;
  log.info1('Retiring expired run and cron containers');
  await bus.keyed(schedulerRunRetire, scheduler, { app });
}

async function retireAll(ps: Ps): Promise<void> {
  const { bus, log } = ps;
  const schedulers = await schedulersInUse(bus);
  log.info1('Retiring old containers and images');
  for (const name of schedulers.filter((s) => bus.keys(schedulerRetire).includes(s))) await bus.keyed(schedulerRetire, name, {});
  const runRetirers = schedulers.filter((s) => bus.keys(schedulerRunRetire).includes(s));
  if (runRetirers.length === 0) return;
  log.info1('Retiring expired run and cron containers');
  for (const name of runRetirers) await bus.keyed(schedulerRunRetire, name, {});
}

export function retireCommand(ps: Ps): CommandSpec {
  return {
    usage: 'ps:retire [<app>]',
    description: 'Retire old containers and images of finished deploys',
    async run({ args }): Promise<CommandResult> {
      const given = parseCommandArgs(args, {}).positionals[0];
      const app = given === undefined ? undefined : await verifyApp(ps.bus, given);
      const lock = await acquireRetireLock(ps.context.root);
      if (lock === undefined) {
        ps.log.warn('Failed to acquire ps:retire lock');
        return { exitCode: LOCK_HELD_EXIT };
      }
      try {
        if (app === undefined) await retireAll(ps);
        else await retireApp(ps, app);
      } finally {
        await lock.release();
      }
    },
  };
}
