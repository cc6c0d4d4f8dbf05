import { homedir } from 'node:os';
import { join, resolve } from 'node:path';

/** Where Pier keeps its state: `PIER_ROOT`, else `~/.pier`. */
export function stateRoot(env: Readonly<Record<string, string | undefined>>): string {
  return env.PIER_ROOT ? resolve(env.PIER_ROOT) : join(env.HOME || homedir(), '.pier');
}
