/**
 * `scheduler:inspect` (ps:inspect): per service, the engine's inspect document with the live
 * tasks under `Tasks`. Every `Env` list in it (the spec, the previous spec, each task's copy) is
 * masked by plugin-api's maskEnvEntry, which is Dokku's rule: values become XXXXXX except for the
 * variables known to be harmless. Keys are sorted (sortKeys), as Dokku's `jq -S` prints them.
 */
import { maskEnvList, sortKeys } from '@pier/plugin-api';
import { appServices } from './app-services.js';
import { liveDynos } from './app-status.js';
import type { Runtime } from './runtime.js';

/** A copy with every `Env` string list masked, then every object's keys sorted. */
function maskEnvLists(value: unknown, key = ''): unknown {
  if (Array.isArray(value)) return key === 'Env' ? maskEnvList(value) : value.map((item) => maskEnvLists(item));
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(Object.entries(value).map(([name, item]) => [name, maskEnvLists(item, name)]));
}

const sanitize = (value: unknown): unknown => sortKeys(maskEnvLists(value));

export async function inspectApp(rt: Runtime, app: string): Promise<Record<string, unknown>[]> {
  const documents: Record<string, unknown>[] = [];
  for (const { type, service } of await appServices(rt, app)) {
    const tasks = liveDynos(type, await rt.engine.listTasks(service.id)).map((d) => d.task.raw);
    documents.push(sanitize({ ...service.raw, Tasks: tasks }) as Record<string, unknown>);
  }
  return documents;
}
