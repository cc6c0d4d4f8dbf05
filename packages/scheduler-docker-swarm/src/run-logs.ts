/**
 * `scheduler:run-logs`: the output of one named one-off or of every one-off of the app (oldest
 * first), lines prefixed with the run number (`app[12345]:`) as docker-local prints them. A
 * container's log ends when it stops; a one-off service's would stay open after its task is
 * done, so a followed one ends once its task has finished and the last lines had a moment to
 * arrive from the node that ran it.
 */
import { ErrorCodes, PierError, type InputOf, type schedulerRunLogs, messageOf, runNumberOf } from '@pier/plugin-api';
import { parseLogLine, parseTimestampedLine, type ParsedLogLine } from './log-lines.js';
import { printLogSources, type LogSource } from './log-printer.js';
import { isActive, listOneOffs, oneOffServiceDone, type OneOff } from './one-offs.js';
import type { Runtime } from './runtime.js';

export type RunLogsInput = InputOf<typeof schedulerRunLogs>;

/** Polls after a followed one-off task finished, for its last lines to come through. */
const SETTLE_POLLS = 4;

/** Resolves once the service's task has finished (or the service is gone), or when `reading` ends. */
async function taskFinished(rt: Runtime, serviceId: string, reading: () => boolean): Promise<void> {
  try {
    while (reading() && !(await oneOffServiceDone(rt, serviceId))) await rt.clock.sleep(rt.pollMs);
    for (let poll = 0; poll < SETTLE_POLLS && reading(); poll++) await rt.clock.sleep(rt.pollMs);
  } catch {
    // The engine cannot tell: the log goes on until the reader stops it.
    await new Promise<never>(() => {});
  }
}

async function sourceOf(rt: Runtime, oneOff: OneOff, input: RunLogsInput, reading: () => boolean): Promise<LogSource | null> {
  const dyno = runNumberOf(oneOff.app, oneOff.name);
  const parse: (text: string) => ParsedLogLine | null = oneOff.kind === 'service' ? parseLogLine : parseTimestampedLine;
  const follow = input.follow && isActive(oneOff);
  try {
    const stream =
      oneOff.kind === 'service'
        ? await rt.engine.serviceLogs(oneOff.id, { follow, tail: input.num, tty: oneOff.tty })
        : await rt.engine.containerLogs(oneOff.id, { follow, tail: input.num });
    const attribute = async (text: string) => {
      const line = parse(text);
      return line === null ? null : { line, dyno };
    };
    return { stream, attribute, ...(follow && oneOff.kind === 'service' ? { done: taskFinished(rt, oneOff.id, reading) } : {}) };
  } catch (error) {
    // Gone between the listing and the reading, as `docker logs` would say.
    rt.log.warn(messageOf(error));
    return null;
  }
}

export async function runLogs(rt: Runtime, input: RunLogsInput): Promise<void> {
  const { app, container } = input;
  const oneOffs = (await listOneOffs(rt, app)).filter((oneOff) => container === undefined || oneOff.name === container);
  if (container !== undefined && oneOffs.length === 0) throw new PierError(ErrorCodes.COMMAND_FAILED, `No such container: ${container}`);
  oneOffs.sort((a, b) => a.createdAt - b.createdAt || a.name.localeCompare(b.name));
  let reading = true;
  const sources = (await Promise.all(oneOffs.map((oneOff) => sourceOf(rt, oneOff, input, () => reading)))).filter((s): s is LogSource => s !== null);
  try {
    await printLogSources(rt, sources, { follow: input.follow, quiet: input.quiet, color: input.color ?? false });
  } finally {
    reading = false;
  }
}
