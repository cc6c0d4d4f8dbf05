/**
 * apps:rename and apps:clone end by redeploying the new app from the image the old one ran
 * (Dokku's ps post-app-rename / post-app-clone rebuild), unless --skip-deploy was given. The
 * ps properties themselves are copied or moved by the property store.
 */
import { appPostClone, appPostRename, withAppLock } from '@pier/plugin-api';
import type { Ps } from './ps-context.js';

async function redeployNewApp(ps: Ps, newApp: string, skipDeploy: boolean, command: string): Promise<void> {
  if (skipDeploy) return;
  const source = await ps.state.source(newApp);
  if (source === undefined) return; // never deployed: nothing to move
  await withAppLock(ps.bus, newApp, command, () => ps.deployer.deployImage(newApp, source.image, command));
}

export function tapAppLifecycle(ps: Ps): void {
  ps.bus.tap(appPostRename, ({ newApp, skipDeploy }) => redeployNewApp(ps, newApp, skipDeploy, 'apps:rename'));
  ps.bus.tap(appPostClone, ({ newApp, skipDeploy }) => redeployNewApp(ps, newApp, skipDeploy, 'apps:clone'));
}
