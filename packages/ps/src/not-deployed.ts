import type { Output } from '@pier/plugin-api';

/** Dokku warns and exits 0 when asked to act on an app that was never deployed. */
export function warnNotDeployed(log: Output, app: string): void {
  log.warn(`App ${app} has not been deployed`);
}
