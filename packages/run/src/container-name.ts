import { UsageError } from '@pier/plugin-api';

/**
 * Dokku's checks of `--container <app>.run.<n>` for run:logs and run:stop, with its messages:
 * the second field from the end `run`, and the app (when given) matching what comes before it.
 * Dokku counts exactly two dots, which refuses every app name with a dot (`my.app.run.42`); the
 * app is what precedes `.run.<n>` instead, so such names work.
 */
export function appOfRunContainer(container: string, app: string | undefined): string {
  const parts = container.split('.');
  if (parts.length < 3 || parts.some((part) => part === '')) throw new UsageError(`Invalid container name specified: ${container}`);
  const owner = parts.slice(0, -2).join('.');
  if (app !== undefined && app !== '' && owner !== app) throw new UsageError('Specified app does not app in container name');
  if (parts.at(-2) !== 'run') throw new UsageError('Specified container must be a run container');
  return owner;
}
