import { goJsonStringify } from './go-json.js';
import type { JsonKeyOptions, ReportFlags } from './report-types.js';

/**
 * The JSON object of one section report (Dokku's TrimPrefix/EmitLegacyPrefix):
 * - trimPrefix: `--<section>-selected` → `selected`; any other flag only loses `--`
 *   (`--deployed` → `deployed`, `--status-web.1` → `status-web.1`);
 * - emitLegacyPrefix: the prefixed key (`scheduler-selected`) is kept as well, for scripts written
 *   before Dokku 0.38 trimmed the keys.
 * Without trimPrefix every flag only loses `--`, so emitLegacyPrefix changes nothing (Dokku
 * rejects that combination; Pier just ignores it).
 */
export function reportJsonObject(section: string, flags: ReportFlags, options: JsonKeyOptions): Record<string, string> {
  const sectionPrefix = `--${section}-`;
  const trimmed: Record<string, string> = {};
  const literal: Record<string, string> = {};
  for (const [flag, value] of Object.entries(flags)) {
    const prefixed = options.trimPrefix && flag.startsWith(sectionPrefix);
    if (prefixed) trimmed[flag.slice(sectionPrefix.length)] = value;
    if (!prefixed || options.emitLegacyPrefix) literal[flag.slice(2)] = value;
  }
  // Go fills one map in random order, so a clash (`--selected` next to `--scheduler-selected`)
  // has no stable winner there. Pier makes it deterministic: a key spelled out by a flag wins.
  return { ...trimmed, ...literal };
}

/** One section report as one compact JSON line, byte for byte what Dokku's `json.Marshal` prints. */
export function formatReportJson(section: string, flags: ReportFlags, options: JsonKeyOptions): string {
  return goJsonStringify(reportJsonObject(section, flags, options));
}
