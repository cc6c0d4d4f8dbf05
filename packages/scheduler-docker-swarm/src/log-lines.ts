/**
 * Service log lines as the engine sends them with `timestamps` and `details`:
 *
 *   2026-12-01T20:26:41.211572417Z com.docker.swarm.node.id=…,com.docker.swarm.service.id=…,com.docker.swarm.task.id=y2nf… tick 4
 *
 * (a one-off container's lines have the time only), and how Pier prints them, like Dokku's
 * docker-local logs (plugin-api's prefixLogLine): `<time> app[<dyno>]: <message>`, time and
 * prefix coloured together when colour is on, the bare message with `quiet`.
 */
import { prefixLogLine } from '@pier/plugin-api';

export interface ParsedLogLine {
  timestamp: string;
  taskId: string;
  message: string;
}

const TASK_ATTR = 'com.docker.swarm.task.id';

/** null for a line without the expected head (nothing Pier can attribute to a task). */
export function parseLogLine(text: string): ParsedLogLine | null {
  const timeEnd = text.indexOf(' ');
  const attrsEnd = timeEnd < 0 ? -1 : text.indexOf(' ', timeEnd + 1);
  if (timeEnd <= 0) return null;
  const attrs = text.slice(timeEnd + 1, attrsEnd < 0 ? undefined : attrsEnd);
  const attr = attrs.split(',').find((pair) => pair.startsWith(`${TASK_ATTR}=`));
  if (attr === undefined) return null;
  return {
    timestamp: text.slice(0, timeEnd),
    taskId: decodeURIComponent(attr.slice(TASK_ATTR.length + 1)),
    message: attrsEnd < 0 ? '' : text.slice(attrsEnd + 1),
  };
}

/** A container's line with `timestamps` (no details): `<time> <message>`; taskId is ''. */
export function parseTimestampedLine(text: string): ParsedLogLine | null {
  const timeEnd = text.indexOf(' ');
  return timeEnd <= 0 ? null : { timestamp: text.slice(0, timeEnd), taskId: '', message: text.slice(timeEnd + 1) };
}

export interface LineStyle {
  quiet: boolean;
  /** An ANSI colour for the prefix, or null. */
  color: number | null;
}

export function formatLogLine(line: ParsedLogLine, dyno: string, style: LineStyle): string {
  if (style.quiet) return line.message;
  return prefixLogLine(line.timestamp, dyno, line.message, style.color);
}
