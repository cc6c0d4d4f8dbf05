import type { OutputOf, schedulerRunList } from '@pier/plugin-api';

type RunContainer = NonNullable<OutputOf<typeof schedulerRunList>>[number];

/** The CREATED column: docker's `{{.RunningFor}}` (`2 minutes ago`). */
const runningFor = (c: RunContainer) => c.runningFor ?? c.createdAt;

/** `docker container ls --format "table {{.Names}}\t{{.Command}}\t{{.RunningFor}}"`: columns padded by 3. */
export function formatRunTable(containers: RunContainer[]): string[] {
  const rows = [['NAMES', 'COMMAND', 'CREATED'], ...containers.map((c) => [c.name, c.command, runningFor(c)])];
  const widths = [0, 1].map((col) => Math.max(...rows.map((row) => row[col]!.length)));
  return rows.map(([name, command, created]) => `${name!.padEnd(widths[0]! + 3)}${command!.padEnd(widths[1]! + 3)}${created}`.trimEnd());
}

/** `--quiet`: no headers, tab-separated. */
export function formatRunLines(containers: RunContainer[]): string[] {
  return containers.map((c) => `${c.name}\t${c.command}\t${runningFor(c)}`);
}

/**
 * docker's `{{.CreatedAt}}`, Go's time format of the creation time: `2026-12-01 20:07:33 +0000
 * UTC`. Always in UTC (the docker CLI uses its local zone, which is UTC on a typical server). A
 * value that is not a time is passed on as it is.
 */
export function dockerCreatedAt(iso: string): string {
  const time = new Date(iso);
  if (!/^\d{4}-\d\d-\d\dT/.test(iso) || Number.isNaN(time.getTime())) return iso;
  return `${time.toISOString().slice(0, 19).replace('T', ' ')} +0000 UTC`;
}

/** `--format json`: Dokku pipes `.CreatedAt` and the rest through jq, so the array is pretty-printed with snake_case keys. */
export function formatRunJson(containers: RunContainer[]): string {
  const items = containers.map((c) => ({ name: c.name, state: c.state, command: c.command, created_at: dockerCreatedAt(c.createdAt) }));
  return JSON.stringify(items, null, 2);
}
