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

/** In-memory stand-in for `@pier/core-properties`, keyed `plugin/scope/key`. */
export interface FakePropertyStore {
  readonly plugin: PierPlugin;
  readonly values: Map<string, string>;
  get(plugin: string, scope: string, key: string): string | undefined;
}

export function fakePropertyStore(): FakePropertyStore {
  const values = new Map<string, string>();
  const id = (plugin: string, scope: string, key: string) => `${plugin}/${scope}/${key}`;
  const scopeEntries = (scope: string) => [...values].filter(([k]) => k.split('/')[1] === scope);

  const plugin = definePlugin({
    name: '@pier/plugin-testkit/fake-property-store',
    register({ bus }) {
      bus.tap(propertyGet, ({ plugin, scope, key }) => values.get(id(plugin, scope, key)));
      bus.tap(propertySet, ({ plugin, scope, key, value }) => {
        if (value === '') values.delete(id(plugin, scope, key));
        else values.set(id(plugin, scope, key), value);
        return true as const;
      });
      bus.tap(propertyGetAll, ({ plugin, scope }) => {
        const prefix = `${plugin}/${scope}/`;
        return Object.fromEntries(
          [...values].filter(([k]) => k.startsWith(prefix)).map(([k, v]) => [k.slice(prefix.length), v]),
        );
      });
      bus.tap(appPostCloneSetup, ({ oldApp, newApp }) => {
        for (const [k, v] of scopeEntries(oldApp)) {
          const [p, , key] = k.split('/');
          values.set(id(p!, newApp, key!), v);
        }
      });
      bus.tap(appPostRenameSetup, ({ oldApp, newApp }) => {
        for (const [k, v] of scopeEntries(oldApp)) {
          const [p, , key] = k.split('/');
          values.set(id(p!, newApp, key!), v);
          values.delete(k);
        }
      });
      bus.tap(appPostDelete, ({ app }) => {
        for (const [k] of scopeEntries(app)) values.delete(k);
      });
    },
  });
  return { plugin, values, get: (p, s, k) => values.get(id(p, s, k)) };
}
