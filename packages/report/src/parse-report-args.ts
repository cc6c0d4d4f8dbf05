import { UsageError } from '@pier/plugin-api';
import type { ReportFormat } from './report-types.js';

export interface ParsedReportArgs {
  /** The first positional argument; further positionals are ignored, as in Dokku. */
  app: string | undefined;
  /** `--global` was given: report the global values (an app given as well is ignored, as in Dokku). */
  global: boolean;
  /** As given (`''` when left out); checked by {@link reportFormat} once the app is known. */
  format: string;
  /** The single `--flag` whose value alone is printed. */
  infoFlag: string | undefined;
}

const FORMATS: readonly string[] = ['stdout', 'json'] satisfies ReportFormat[];

/**
 * Dokku's `ParseReportArgs`: `[<app>|--global] [--format stdout|json] [<flag>]`. `command`
 * (`scheduler:report`, `report`) names the command in messages. Only what pflag itself would
 * refuse fails here; the format is checked later, after the app, as `ReportSingleApp` does.
 *
 * Two Dokku quirks are fixed: `--format=json` is the format, not an unknown info flag, and more
 * than one info flag is an error instead of a silent exit 0 (reference §7.4).
 */
export function parseReportArgs(command: string, args: readonly string[]): ParsedReportArgs {
  const positionals: string[] = [];
  const infoFlags: string[] = [];
  let format = '';
  let global = false;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '--format') {
      if (i + 1 >= args.length) throw new UsageError('flag needs an argument: --format');
      format = args[++i]!;
    } else if (arg.startsWith('--format=')) format = arg.slice('--format='.length);
    else if (arg === '--global') global = true;
    else if (arg.startsWith('--')) infoFlags.push(arg);
    else positionals.push(arg);
  }

  if (infoFlags.length > 1) throw new UsageError(`${command} command allows only a single flag`);
  return { app: positionals[0], global, format, infoFlag: infoFlags[0] };
}

/**
 * The checks of Dokku's `ReportSingleApp` that need no data, made once the app is verified (so a
 * missing app exits 20 and no apps at all is a warning, whatever the format says).
 */
export function reportFormat(parsed: Pick<ParsedReportArgs, 'format' | 'infoFlag'>): ReportFormat {
  // pflag lets `--format ""` through and Dokku then falls back to stdout.
  const format = parsed.format === '' ? 'stdout' : parsed.format;
  if (!FORMATS.includes(format)) throw new UsageError(`Format must be "stdout" or "json": "${format}"`);
  if (format === 'json' && parsed.infoFlag !== undefined) {
    throw new UsageError('--format flag cannot be specified when specifying an info flag');
  }
  return format as ReportFormat;
}
