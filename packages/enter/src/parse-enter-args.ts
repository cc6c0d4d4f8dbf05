import { UsageError } from '@pier/plugin-api';

export interface EnterArgs {
  app: string | undefined;
  processType?: string;
  containerId?: string;
  command: string[];
}

/**
 * Dokku's `enter <app> [<type>[.<index>] | --container-id <id>] [--] [cmd…]`: the first argument
 * after the app is the process type (or `--container-id <id>`); the rest, after an optional
 * `--`, is the command.
 */
export function parseEnterArgs(args: readonly string[]): EnterArgs {
  const [app, ...rest] = args;
  const parsed: EnterArgs = { app, command: [] };
  let i = 0;
  if (rest[0] === '--container-id' || rest[0]?.startsWith('--container-id=')) {
    const inline = rest[0].includes('=') ? rest[0].slice(rest[0].indexOf('=') + 1) : undefined;
    const id = inline ?? rest[1];
    if (!id) throw new UsageError('flag --container-id needs a value');
    parsed.containerId = id;
    i = inline === undefined ? 2 : 1;
  } else if (rest[0] !== undefined && rest[0] !== '--') {
    if (rest[0].startsWith('-')) throw new UsageError(`unknown flag: ${rest[0]}`);
    parsed.processType = rest[0];
    i = 1;
  }
  if (rest[i] === '--') i++;
  parsed.command = rest.slice(i);
  return parsed;
}
