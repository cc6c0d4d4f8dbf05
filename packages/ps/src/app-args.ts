import { parseCommandArgs } from '@pier/plugin-api';

export interface AppArgs {
  all: boolean;
  parallel: string | undefined;
  positionals: string[];
}

/**
 * `[--parallel N] [--all|<app>] [<process-type>]`. `--parallel -1` is folded into `--parallel=-1`
 * first: the argument parser would otherwise read `-1` as a flag.
 */
export function parseAppArgs(args: readonly string[]): AppArgs {
  const folded: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    const next = args[i + 1];
    if (arg === '--parallel' && next !== undefined && !next.startsWith('--')) {
      folded.push(`--parallel=${next}`);
      i++;
    } else {
      folded.push(arg);
    }
  }
  const { values, positionals } = parseCommandArgs(folded, { all: { type: 'boolean' }, parallel: { type: 'string' } });
  return { all: values.all ?? false, parallel: values.parallel, positionals };
}
