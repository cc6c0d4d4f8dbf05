import type { PropertyClient } from '@pier/plugin-api';
import type { AppRegistry } from './app-registry.js';
import type { AppLocks } from './app-lock.js';

type AppKeys = 'created-at' | 'deploy-source' | 'deploy-source-metadata';

/** `apps:report` keys (Dokku: report type "app", keys keep their prefix in JSON). */
export async function collectAppReport(
  app: string,
  registry: AppRegistry,
  locks: AppLocks,
  props: PropertyClient<AppKeys>,
) {
  const [createdAt, source, metadata, locked] = await Promise.all([
    props.get(app, 'created-at'),
    props.get(app, 'deploy-source'),
    props.get(app, 'deploy-source-metadata'),
    locks.isLocked(app),
  ]);
  return {
    flags: {
      '--app-created-at': createdAt,
      '--app-deploy-source': source,
      '--app-deploy-source-metadata': metadata,
      '--app-dir': registry.dir(app),
      '--app-locked': String(locked),
    },
    trimPrefix: false,
    emitLegacyPrefix: false,
  };
}
