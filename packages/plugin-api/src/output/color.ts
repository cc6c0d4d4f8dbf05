import type { PluginIO } from './output.js';

/**
 * Whether a command colours its output: only when stdout is a terminal and NO_COLOR is unset or
 * empty (https://no-color.org). The one rule of `logs` and `run:logs`.
 */
export function colorWanted(io: Pick<PluginIO, 'stdout'>, env: Readonly<Record<string, string | undefined>>): boolean {
  return Boolean((io.stdout as { isTTY?: boolean }).isTTY) && !env.NO_COLOR;
}
