/**
 * Pure: which task `enter` goes into, with docker-local's choice and messages (the only running
 * type, `web` → the first web task, `web.2` → exactly that slot, `--container-id` → a prefix
 * of the task's container id).
 */
import type { Dyno } from './app-status.js';

export type EnterTarget = { dyno: Dyno } | { warn?: string; fail: string };

const uniqueSorted = (values: string[]) => [...new Set(values)].sort();

export function chooseEnterTarget(app: string, dynos: Dyno[], input: { processType?: string | undefined; containerId?: string | undefined }): EnterTarget {
  let chosen: Dyno | undefined;
  if (input.containerId !== undefined) {
    const prefix = input.containerId;
    chosen = prefix === '' ? undefined : dynos.find((d) => d.task.containerId !== '' && d.task.containerId.startsWith(prefix));
    if (!chosen) {
      const ids = dynos.map((d) => d.task.containerId).filter((id) => id !== '');
      return { warn: `Invalid container id for app: ${prefix}`, fail: `Available ids for app (${app}): ${ids.join(' ')}` };
    }
  } else {
    let type = input.processType;
    if (type === undefined) {
      const running = uniqueSorted(dynos.filter((d) => d.task.state === 'running').map((d) => d.type));
      if (running.length > 1) return { warn: 'No container type specified.', fail: `Available types for app (${app}): ${running.join(' ')}` };
      if (running.length === 0) return { fail: 'No containers found for app' };
      type = running[0]!;
    }
    chosen = type.includes('.') ? dynos.find((d) => d.dyno === type) : dynos.find((d) => d.type === type);
    if (!chosen) {
      return { warn: `No containers found for type '${type}'`, fail: `Available types for app (${app}): ${uniqueSorted(dynos.map((d) => d.type)).join(' ')}` };
    }
  }
  if (chosen.task.state !== 'running' || chosen.task.containerId === '') return { fail: 'Container is not running' };
  return { dyno: chosen };
}
