import type { TriggerBus } from '../bus/trigger-bus.js';
import { appList } from '../triggers/app.js';
import { installedSchedulers, selectedScheduler } from './dispatch.js';

/**
 * The installed schedulers that some app, or `--global`, selects, sorted: the ones a global sweep
 * (`ps:retire`, `run:retire` without an app) has to ask. Dokku asks only the global scheduler,
 * so the apps of any other one are never swept.
 */
export async function schedulersInUse(bus: TriggerBus): Promise<string[]> {
  const apps = (await bus.first(appList, {})) ?? [];
  const selected = await Promise.all([undefined, ...apps].map((app) => selectedScheduler(bus, app)));
  const installed = installedSchedulers(bus);
  return [...new Set(selected)].filter((name) => installed.includes(name)).sort();
}
