/**
 * `ps:inspect` sanitising (§4.12): env entries that may hold secrets become `KEY=XXXXXX`; the
 * ones Dokku knows to be harmless keep their value.
 */
const KEEP_PREFIXES = ['CACHE_PATH=', 'DOCKER_', 'DOKKU_', 'DYNO=', 'PATH=', 'PORT=', 'USER='];

export function maskEnvEntry(entry: string): string {
  if (KEEP_PREFIXES.some((prefix) => entry.startsWith(prefix))) return entry;
  const at = entry.indexOf('=');
  // Dokku's sed only rewrites KEY=VALUE lines; a bare KEY carries no value to hide.
  return at <= 0 ? entry : `${entry.slice(0, at)}=XXXXXX`;
}

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

/** A copy of an inspect document with `Config.Env` masked and keys sorted. */
export function maskInspect(raw: Record<string, unknown>): Record<string, unknown> {
  const copy = structuredClone(raw);
  const config = copy.Config as { Env?: unknown } | undefined;
  if (config && Array.isArray(config.Env)) {
    config.Env = config.Env.map((entry) => (typeof entry === 'string' ? maskEnvEntry(entry) : entry));
  }
  return sortKeys(copy) as Record<string, unknown>;
}
