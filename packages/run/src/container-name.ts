import { UsageError } from '@pier/plugin-api';

/**
 * Dokku's checks of `--container <app>.run.<n>` for run:logs and run:stop: three dot-separated
 * fields, the second `run`, and the app (when given) matching the first.
 */
export function appOfRunContainer(container: string, app: string | undefined): string {
  const parts = container.split('.');
  if (parts.length !== 3) throw new UsageError(`Invalid container name specified: ${container}`);
  if (app !== undefined && app !== '' && parts[0] !== app) throw new UsageError('Specified app does not app in container name');
  if (parts[1] !== 'run') throw new UsageError('Specified container must be a run container');
  return parts[0]!;
}
