/**
 * docker-local's `ps:inspect` document (§4.12): a container's inspect output with `Config.Env`
 * masked and keys sorted, by plugin-api's rule (maskEnvEntry, sortKeys), which is Dokku's.
 */
import { maskEnvList, sortKeys } from '@pier/plugin-api';

/** A copy of an inspect document with `Config.Env` masked and keys sorted. */
export function maskInspect(raw: Record<string, unknown>): Record<string, unknown> {
  const copy = structuredClone(raw);
  const config = copy.Config as { Env?: unknown } | undefined;
  if (config && Array.isArray(config.Env)) config.Env = maskEnvList(config.Env);
  return sortKeys(copy) as Record<string, unknown>;
}
