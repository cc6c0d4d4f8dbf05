/**
 * Pure: what a one-off runs, by docker-local's rule (Dokku's `scheduler-run`): a first word that
 * names a Procfile type runs that type's command (split with `$PORT` substituted) followed by
 * the other words; anything else is the command itself; no words at all, the app's shell.
 */
import type { DeployedRelease } from './deployed-release.js';

export interface RunCommand {
  /** null: no command was given, the app's shell runs. */
  argv: string[] | null;
  /** The Procfile type whose command runs, when the first word named one. */
  procfileType: string | null;
}

export function resolveRunCommand(release: Pick<DeployedRelease, 'procfileCommand'>, words: readonly string[], port: string): RunCommand {
  if (words.length === 0) return { argv: null, procfileType: null };
  const [type, ...rest] = words as [string, ...string[]];
  const procfile = release.procfileCommand(type, port);
  return procfile === null ? { argv: [...words], procfileType: null } : { argv: [...procfile, ...rest], procfileType: type };
}

/**
 * The release env, then DYNO (and PORT when the run has a port of its own), then the `-e` pairs,
 * which win as later `--env` flags do. Values are as given: nothing expands them.
 */
export function runEnv(release: Pick<DeployedRelease, 'env'>, extra: Readonly<Record<string, string>>, dyno: string, port: number | null): Record<string, string> {
  return { ...release.env, DYNO: dyno, ...(port === null ? {} : { PORT: String(port) }), ...extra };
}
