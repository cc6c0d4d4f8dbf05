import { appExists, appList, definePlugin, type PierPlugin } from '@pier/plugin-api';

/** In-memory stand-in for `@pier/apps`' registry: answers app:exists and app:list. */
export interface FakeAppRegistry {
  readonly plugin: PierPlugin;
  readonly apps: Set<string>;
}

export function fakeAppRegistry(apps: Iterable<string> = []): FakeAppRegistry {
  const names = new Set(apps);
  const plugin = definePlugin({
    name: '@pier/plugin-testkit/fake-app-registry',
    register({ bus }) {
      bus.tap(appExists, ({ app }) => names.has(app));
      bus.tap(appList, () => [...names].sort());
    },
  });
  return { plugin, apps: names };
}
