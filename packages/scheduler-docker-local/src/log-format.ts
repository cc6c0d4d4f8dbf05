/**
 * How docker-local's `logs` and `run:logs` read a line of `docker logs -t` (Dokku's sed): the
 * engine's timestamp is split off, and the line printed with plugin-api's prefixLogLine.
 */
import { prefixLogLine } from '@pier/plugin-api';

/** Everything up to the first `Z` and the space after it: an RFC 3339 UTC timestamp, as Dokku's sed matches it. */
const TIMESTAMP = /^([^Z]+Z) /;

/**
 * `2024-01-01T00:00:00.000000000Z hello` → `2024-01-01T00:00:00.000000000Z app[web.1]: hello`, or
 * with a colour `ESC[36m2024-…Z app[web.1]:ESC[0m hello`. A line without a timestamp is left
 * alone (Dokku's sed does not match it either).
 */
export function prefixLine(line: string, dyno: string, color: number | null): string {
  const match = TIMESTAMP.exec(line);
  if (!match) return line;
  return prefixLogLine(match[1]!, dyno, line.slice(match[0].length), color);
}
