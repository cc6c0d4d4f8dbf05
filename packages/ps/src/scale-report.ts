import { UsageError, type Output } from '@pier/plugin-api';
import { sortedScale, type Scale } from './formation.js';

export type ScaleFormat = 'stdout' | 'json';

export function parseScaleFormat(format: string | undefined): ScaleFormat {
  const value = format ?? 'stdout';
  if (value !== 'stdout' && value !== 'json') throw new UsageError(`Format must be "stdout" or "json": "${value}"`);
  return value;
}

/** Dokku's `<label>:` right-padded to 5, a space, the value (so `web:  1`, `proctype: qty`). */
const row = (label: string, value: string) => `${`${label}:`.padEnd(5)} ${value}`;

/** `ps:scale <app>` without tuples: Dokku's table, or `[{"process_type":"web","quantity":1}]`. */
export function printScale(log: Output, app: string, scale: Scale, format: ScaleFormat): void {
  const entries = sortedScale(scale);
  if (format === 'json') {
    log.line(JSON.stringify(entries.map(([type, quantity]) => ({ process_type: type, quantity }))));
    return;
  }
  log.info1Quiet(`Scaling for ${app}`);
  if (!log.quiet) {
    log.line(row('proctype', 'qty'));
    log.line(row('--------', '---'));
  }
  for (const [type, quantity] of entries) log.line(row(type, String(quantity)));
}
