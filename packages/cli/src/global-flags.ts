import { UsageError } from '@pier/plugin-api';

export interface GlobalFlags {
  quiet: boolean;
  trace: boolean;
  force: boolean;
  /** `--app <name>`; empty when given empty (`--app=`), which inserts nothing, as in Dokku. */
  app?: string;
}

/** Flags that are commands when they come first (`pier --help`, `pier --version`). */
const COMMAND_FLAGS = ['--help', '--version'];

/**
 * Dokku's global flags, accepted before the command: `--quiet`, `--trace`, `--force`,
 * `--app <name>` (or `--app=<name>`). Any other leading `--flag` is skipped, as Dokku's
 * dispatcher skips every `--*` before the command (`--rm`, `--rm-container` and `--detach`
 * configure Dokku's own run containers; nothing in Pier reads them). Returns the flags and the
 * rest of argv from the command on.
 */
export function parseGlobalFlags(argv: readonly string[]): { flags: GlobalFlags; rest: string[] } {
  const flags: GlobalFlags = { quiet: false, trace: false, force: false };
  let i = 0;
  for (; i < argv.length; i++) {
    const arg = argv[i]!;
    if (!arg.startsWith('--') || COMMAND_FLAGS.includes(arg)) break;
    if (arg === '--quiet') flags.quiet = true;
    else if (arg === '--trace') flags.trace = true;
    else if (arg === '--force') flags.force = true;
    else if (arg === '--app') {
      const app = argv[++i];
      if (app === undefined) throw new UsageError('flag needs an argument: --app');
      flags.app = app;
    } else if (arg.startsWith('--app=')) flags.app = arg.slice('--app='.length);
  }
  return { flags, rest: argv.slice(i) };
}
