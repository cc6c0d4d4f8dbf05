/**
 * `ps:inspect` sanitising (§4.12), the same in every Docker scheduler: env entries that may hold
 * secrets become `KEY=XXXXXX`, the ones Dokku knows to be harmless keep their value, and keys are
 * sorted so the JSON reads like Dokku's (`jq -S`). Which `Env` lists a document has is the
 * scheduler's business (a container's Config.Env, a service's specs and tasks).
 */
const KEEP_PREFIXES = ['CACHE_PATH=', 'DOCKER_', 'DOKKU_', 'DYNO=', 'PATH=', 'PORT=', 'USER='];

export function maskEnvEntry(entry: string): string {
  if (KEEP_PREFIXES.some((prefix) => entry.startsWith(prefix))) return entry;
  const at = entry.indexOf('=');
  // Dokku's sed only rewrites KEY=VALUE lines; a bare KEY carries no value to hide.
  return at <= 0 ? entry : `${entry.slice(0, at)}=XXXXXX`;
}

/** An `Env` list masked entry by entry (anything not a string is left as it is). */
export const maskEnvList = (list: readonly unknown[]): unknown[] => list.map((entry) => (typeof entry === 'string' ? maskEnvEntry(entry) : entry));

/** Recursively sorts object keys, so the JSON reads like Dokku's (`jq -S`). */
export function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.keys(value)
      .sort()
      .map((key) => [key, sortKeys((value as Record<string, unknown>)[key])]),
  );
}
