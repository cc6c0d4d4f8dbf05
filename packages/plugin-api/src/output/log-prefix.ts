/**
 * How every scheduler's `logs` and `run:logs` print a line, as Dokku's docker-local does (its sed
 * over `docker logs -t`): `<time> app[<dyno>]: <message>`, the time and prefix coloured together
 * when colour is on (colorWanted), each container or dyno in Dokku's next colour.
 */

/** Dokku's colours, by container position: cyan, yellow, green, magenta, red, then again. */
export const LOG_COLORS = [36, 33, 32, 35, 31] as const;

export const logColorFor = (position: number): number => LOG_COLORS[position % LOG_COLORS.length]!;

/**
 * `<time> app[<dyno>]: <message>`, or with a colour `ESC[36m<time> app[<dyno>]:ESC[0m <message>`.
 * The message is kept as it is (leading spaces, empty).
 */
export function prefixLogLine(timestamp: string, dyno: string, message: string, color: number | null): string {
  const prefix = `${timestamp} app[${dyno}]:`;
  return color === null ? `${prefix} ${message}` : `\x1b[${color}m${prefix}\x1b[0m ${message}`;
}
