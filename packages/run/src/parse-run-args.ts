import { UsageError } from '@pier/plugin-api';

export interface RunArgs {
  app: string | undefined;
  command: string[];
  env: Record<string, string>;
  noTty: boolean;
  forceTty: boolean;
  ttlSeconds: number;
}

/** Dokku's default time to live of a one-off container: one day. */
export const DEFAULT_TTL_SECONDS = 86400;

const ENV_KEY = /^[A-Za-z_][A-Za-z0-9_]*$/;

/**
 * `[-e|--env K=V]… [--no-tty] [--force-tty] [--ttl-seconds N] <app> [--] <cmd…>`, for `run` and
 * `run:detached` alike (Dokku's fn-run). Flags are read only before the app: everything after it
 * belongs to the command (`pier run blog ls -la`). Values are kept literally; nothing is expanded.
 */
export function parseRunArgs(args: readonly string[]): RunArgs {
  const parsed: RunArgs = { app: undefined, command: [], env: {}, noTty: false, forceTty: false, ttlSeconds: DEFAULT_TTL_SECONDS };
  let ttl: string | undefined;
  let i = 0;
  const valueOf = (flag: string, inline: string | undefined): string => {
    if (inline !== undefined) return inline;
    const value = args[++i];
    if (value === undefined) throw new UsageError(`flag ${flag} needs a value`);
    return value;
  };
  for (; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '--') {
      i++;
      break;
    }
    if (!arg.startsWith('-') || arg === '-') break;
    const [flag, inline] = arg.startsWith('--') && arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    if (flag === '-e' || flag === '--env') addEnv(parsed.env, valueOf(flag, inline));
    else if (flag === '--ttl-seconds') ttl = valueOf(flag, inline);
    else if (flag === '--no-tty') parsed.noTty = true;
    else if (flag === '--force-tty') parsed.forceTty = true;
    else throw new UsageError(`unknown flag: ${flag}`);
  }
  parsed.app = args[i];
  parsed.command = args.slice(i + 1);
  if (parsed.command[0] === '--') parsed.command.shift();

  // Dokku checks the TTL before the app, so a bad TTL wins over a bad app name. Its check is
  // `^[0-9]+$`: 0 is accepted (retired at the next sweep), whatever the message says.
  if (ttl !== undefined) {
    if (!/^[0-9]+$/.test(ttl)) throw new UsageError('--ttl-seconds must be a positive integer');
    parsed.ttlSeconds = Number(ttl);
  }
  if (parsed.forceTty && parsed.noTty) throw new UsageError('Cannot specify both --force-tty and --no-tty');
  return parsed;
}

function addEnv(env: Record<string, string>, pair: string): void {
  const eq = pair.indexOf('=');
  const key = eq === -1 ? pair : pair.slice(0, eq);
  if (!ENV_KEY.test(key)) throw new UsageError(`Invalid environment variable "${pair}": use -e KEY=VALUE`);
  env[key] = eq === -1 ? '' : pair.slice(eq + 1);
}
