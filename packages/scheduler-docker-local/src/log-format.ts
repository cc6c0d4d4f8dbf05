/**
 * How `logs` and `run:logs` print a line (Dokku's sed over `docker logs -t`): the engine's
 * timestamp, then `app[<dyno>]:`, the two coloured together when colour is on, then the message.
 */

/** Dokku's colours, by container position: cyan, yellow, green, magenta, red, then again. */
export const LOG_COLORS = [36, 33, 32, 35, 31] as const;

export const colorFor = (position: number): number => LOG_COLORS[position % LOG_COLORS.length]!;

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
  const message = line.slice(match[0].length);
  const prefix = `${match[1]} app[${dyno}]:`;
  return color === null ? `${prefix} ${message}` : `\x1b[${color}m${prefix}\x1b[0m ${message}`;
}
