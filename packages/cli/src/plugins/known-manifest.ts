import { PLUGIN_API_VERSION, type PluginManifest } from '@pier/plugin-api';
import type { InstalledPlugin } from './plugin-registry.js';

const FIELDS = ['apiVersion', 'kind', 'factory', 'scheduler', 'description'] as const;

/**
 * The manifest `plugin:install` validated and recorded, if the package's `"pier"` field is still
 * exactly that (and this pier implements its API version). Loading then skips the schema check,
 * which would load zod (~110 ms) on every invocation; anything that differs is validated again
 * in full.
 */
export function knownManifest(field: unknown, entry: InstalledPlugin): PluginManifest | undefined {
  if (entry.factory === undefined || typeof field !== 'object' || field === null) return undefined;
  const recorded: Record<string, unknown> = { apiVersion: entry.apiVersion, kind: entry.kind, factory: entry.factory };
  if (entry.scheduler !== undefined) recorded.scheduler = entry.scheduler;
  if (entry.description !== undefined) recorded.description = entry.description;
  const actual = field as Record<string, unknown>;
  const keys = Object.keys(actual);
  const same =
    keys.length === Object.keys(recorded).length &&
    keys.every((key) => (FIELDS as readonly string[]).includes(key) && actual[key] === recorded[key]);
  return same && entry.apiVersion === PLUGIN_API_VERSION ? (recorded as unknown as PluginManifest) : undefined;
}
