import type { OutputOf, schedulerRunList } from '@pier/plugin-api';

type RunContainer = OutputOf<typeof schedulerRunList>[number];

/** `docker container ls --format "table {{.Names}}\t{{.Command}}\t{{.RunningFor}}"`: columns padded by 3. */
export function formatRunTable(containers: RunContainer[]): string[] {
  const rows = [['NAMES', 'COMMAND', 'CREATED'], ...containers.map((c) => [c.name, c.command, c.createdAt])];
  const widths = [0, 1].map((col) => Math.max(...rows.map((row) => row[col]!.length)));
  return rows.map(([name, command, created]) => `${name!.padEnd(widths[0]! + 3)}${command!.padEnd(widths[1]! + 3)}${created}`.trimEnd());
}

/** `--quiet`: no headers, tab-separated. */
export function formatRunLines(containers: RunContainer[]): string[] {
  return containers.map((c) => `${c.name}\t${c.command}\t${c.createdAt}`);
}

/** `--format json`: Dokku pipes through jq, so the array is pretty-printed with snake_case keys. */
export function formatRunJson(containers: RunContainer[]): string {
  const items = containers.map((c) => ({ name: c.name, state: c.state, command: c.command, created_at: c.createdAt }));
  return JSON.stringify(items, null, 2);
}
