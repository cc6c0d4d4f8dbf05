import {
  appExists,
  appList,
  appLockAcquire,
  appLockRelease,
  appPostDeploy,
  definePlugin,
  propertyClient,
  registerCommands,
  reportCollect,
  type PierPlugin,
} from '@pier/plugin-api';
import { createAppLifecycle } from './app-lifecycle.js';
import { createAppLocks } from './app-lock.js';
import { createDeployLock } from './deploy-lock.js';
import { appProperties } from './app-properties.js';
import { createAppRegistry } from './app-registry.js';
import { appsCommands } from './apps-commands.js';
import { collectAppReport } from './app-report.js';

/** App registry, locks (per command, and the deploy lock of apps:lock) and the `apps:*` commands. */
export function apps(): PierPlugin {
  return definePlugin({
    name: '@pier/apps',
    register(context) {
      const { bus, root } = context;
      const registry = createAppRegistry(root);
      const deployLock = createDeployLock(registry.dir);
      const locks = createAppLocks(registry.dir, deployLock);
      const props = propertyClient(bus, appProperties);

      bus.tap(appExists, ({ app }) => registry.exists(app));
      bus.tap(appList, () => registry.list());
      bus.tap(appLockAcquire, async ({ app, holder }) => ({ token: await locks.acquire(app, holder) }));
      bus.tap(appLockRelease, async ({ app, token }) => {
        await locks.release(app, token);
        return true as const;
      });
      bus.tap(appPostDeploy, async ({ app, image, source }) => {
        await props.set(app, 'deploy-source', source);
        await props.set(app, 'deploy-source-metadata', image);
      });
      bus.tapKeyed(reportCollect, 'app', ({ app }) => collectAppReport(app, registry, locks, props));
      const lifecycle = createAppLifecycle(context, registry);
      registerCommands(context, appsCommands(context, { registry, lifecycle, locks, deployLock }));
    },
  });
}
