import { UsageError } from '@pier/plugin-api';

export interface GlobalFlags {
  quiet: boolean;
  trace: boolean;
  force: boolean;
  app?: string;
}

/**
 * Dokku's global flags, accepted before the command: `--quiet`, `--trace`, `--force`,
 * `--app <name>` (or `--app=<name>`). Returns the flags and the rest of argv from the command on.
 */
export function parseGlobalFlags(argv: readonly string[]): { flags: GlobalFlags; rest: string[] } {
  const flags: GlobalFlags = { quiet: false, trace: false, force: false };
  let i = 0;
  for (; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--quiet') flags.quiet = true;
    else if (arg === '--trace') flags.trace = true;
    else if (arg === '--force') flags.force = true;
    else if (arg === '--app') {
      const app = argv[++i];
      if (app === undefined) throw new UsageError('flag --app needs a value');
      flags.app = app;
    } else if (arg.startsWith('--app=')) flags.app = arg.slice('--app='.length);
    else break;
  }
  return { flags, rest: argv.slice(i) };
}
