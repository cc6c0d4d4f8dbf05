import { UsageError } from '@pier/plugin-api';
import type { PluginManagerContext } from './plugin-manager-context.js';

/** One row of `plugin:list`. */
export interface PluginListRow {
  name: string;
  version: string;
  kind: 'scheduler' | 'plugin';
  scheduler: string | null;
  apiVersion: number;
  enabled: boolean;
  builtin: boolean;
  /** `builtin`, `loaded`, `disabled`, or `broken` (see `error`). */
  status: 'builtin' | 'loaded' | 'disabled' | 'broken';
  error?: string;
}

export function pluginListRows(ctx: Pick<PluginManagerContext, 'builtins' | 'installed'>): PluginListRow[] {
  const builtins = ctx.builtins.map((b): PluginListRow => ({
    name: b.name,
    version: b.version,
    kind: b.kind,
    scheduler: b.scheduler ?? null,
    apiVersion: b.apiVersion,
    enabled: true,
    builtin: true,
    status: 'builtin',
  }));
  const installed = ctx.installed.plugins.map((p): PluginListRow => ({
    name: p.name,
    version: p.version,
    kind: p.kind,
    scheduler: p.scheduler ?? null,
    apiVersion: p.apiVersion,
    enabled: p.enabled,
    builtin: false,
    status: p.state,
    ...(p.error === undefined ? {} : { error: p.error }),
  }));
  return [...builtins, ...installed.sort((a, b) => a.name.localeCompare(b.name))];
}

const HEADER = ['NAME', 'VERSION', 'KIND', 'API', 'ENABLED', 'STATUS'];

function cells(row: PluginListRow): string[] {
  const kind = row.scheduler === null ? row.kind : `${row.kind} (${row.scheduler})`;
  const status = row.status === 'broken' ? `broken: ${row.error ?? 'unknown error'}` : row.status;
  return [row.name, row.version, kind, String(row.apiVersion), String(row.enabled), status];
}

/** A column table (no trailing spaces), or JSON with `--format json`. */
export function formatPluginList(rows: PluginListRow[], format: string | undefined): string {
  if (format === 'json') return `${JSON.stringify(rows)}\n`;
  if (format !== undefined && format !== 'stdout') throw new UsageError('Invalid --format value specified');
  const table = [HEADER, ...rows.map(cells)];
  const widths = HEADER.map((_, column) => Math.max(...table.map((line) => line[column]!.length)));
  return table.map((line) => line.map((cell, column) => cell.padEnd(widths[column]!)).join('  ').trimEnd()).join('\n') + '\n';
}
