/**
 * `scheduler:inspect` (ps:inspect): per service, the engine's inspect document with the live
 * tasks under `Tasks`. Every `Env` list in it (the spec, the previous spec, each task's copy) is
 * masked by docker-local's rule, which is Dokku's: values become XXXXXX except for the variables
 * known to be harmless. Keys are sorted, as Dokku's `jq -S` prints them.
 */
import { appServices } from './app-services.js';
import { liveDynos } from './app-status.js';
import type { Runtime } from './runtime.js';

const HARMLESS = /^(?:DOCKER_|DOKKU_|(?:CACHE_PATH|DYNO|PATH|PORT|USER)=)/;

export function maskEnvEntry(entry: string): string {
  const at = entry.indexOf('=');
  // A bare KEY carries no value to hide.
  return HARMLESS.test(entry) || at <= 0 ? entry : `${entry.slice(0, at)}=XXXXXX`;
}

/** A copy with every `Env` string list masked and every object's keys sorted. */
export function sanitize(value: unknown, key = ''): unknown {
  if (Array.isArray(value)) {
    return key === 'Env' ? value.map((entry) => (typeof entry === 'string' ? maskEnvEntry(entry) : entry)) : value.map((item) => sanitize(item));
  }
  if (value === null || typeof value !== 'object') return value;
  const source = value as Record<string, unknown>;
  return Object.fromEntries(
    Object.keys(source)
      .sort()
      .map((name) => [name, sanitize(source[name], name)]),
  );
}

export async function inspectApp(rt: Runtime, app: string): Promise<Record<string, unknown>[]> {
  const documents: Record<string, unknown>[] = [];
  for (const { type, service } of await appServices(rt, app)) {
    const tasks = liveDynos(type, await rt.engine.listTasks(service.id)).map((d) => d.task.raw);
    documents.push(sanitize({ ...service.raw, Tasks: tasks }) as Record<string, unknown>);
  }
  return documents;
}
