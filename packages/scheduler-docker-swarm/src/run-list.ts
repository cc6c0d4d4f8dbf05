/** `scheduler:run-list`: the app's one-off processes, newest first, as `docker container ls` lists them. */
import { humanDuration, type OutputOf, type schedulerRunList } from '@pier/plugin-api';
import { listOneOffs, type OneOff } from './one-offs.js';
import type { Runtime } from './runtime.js';

export type RunListEntry = NonNullable<OutputOf<typeof schedulerRunList>>[number];

/** One row as docker's table has it: the command quoted, the age relative to `now`. */
const entryOf = (now: number) => (oneOff: OneOff): RunListEntry => ({
  name: oneOff.name,
  state: oneOff.state,
  command: JSON.stringify(oneOff.command),
  createdAt: new Date(oneOff.createdAt).toISOString(),
  runningFor: `${humanDuration(Math.max(0, now - oneOff.createdAt))} ago`,
});

const newestFirst = (a: OneOff, b: OneOff) => b.createdAt - a.createdAt || a.name.localeCompare(b.name);

export async function runList(rt: Runtime, app: string): Promise<RunListEntry[]> {
  return (await listOneOffs(rt, app)).sort(newestFirst).map(entryOf(rt.clock.now()));
}
