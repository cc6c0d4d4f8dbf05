/** Objects with their keys sorted, recursively (arrays keep their order). */
function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (typeof value !== 'object' || value === null) return value;
  const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return Object.fromEntries(entries.map(([key, inner]) => [key, sortKeys(inner)]));
}

/** Dokku's ps:inspect layout: sorted keys, four-space indent (Python's json.dumps with sort_keys, indent=4). */
export function sortedJson(value: unknown): string {
  return JSON.stringify(sortKeys(value), null, 4);
}
