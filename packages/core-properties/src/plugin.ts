import {
  appPostCloneSetup,
  appPostDelete,
  appPostRenameSetup,
  definePlugin,
  propertyGet,
  propertyGetAll,
  propertySet,
  type PierPlugin,
} from '@pier/plugin-api';
import { createPropertyStore } from './property-store.js';

/**
 * The property store service: answers the property:* triggers from files under
 * `<root>/config`, and carries every plugin's properties through clone, rename and destroy.
 */
export function coreProperties(): PierPlugin {
  return definePlugin({
    name: '@pier/core-properties',
    register({ bus, root }) {
      const store = createPropertyStore(root);
      bus.tap(propertyGet, ({ plugin, scope, key }) => store.get(plugin, scope, key));
      bus.tap(propertySet, async ({ plugin, scope, key, value }) => {
        await store.set(plugin, scope, key, value);
        return true as const;
      });
      bus.tap(propertyGetAll, ({ plugin, scope }) => store.getAll(plugin, scope));
      bus.tap(appPostCloneSetup, ({ oldApp, newApp }) => store.cloneScope(oldApp, newApp));
      // Rename copies here; the old app's properties go when apps:rename destroys the old app.
      bus.tap(appPostRenameSetup, ({ oldApp, newApp }) => store.cloneScope(oldApp, newApp));
      bus.tap(appPostDelete, ({ app }) => store.destroyScope(app));
    },
  });
}
