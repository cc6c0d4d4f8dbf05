import {
  ErrorCodes,
  PierError,
  appExists,
  appList,
  appLockAcquire,
  appLockRelease,
  definePlugin,
  type PierPlugin,
} from '@pier/plugin-api';

/** In-memory stand-in for `@pier/apps`' registry: answers app:exists, app:list and the app locks. */
export interface FakeAppRegistry {
  readonly plugin: PierPlugin;
  readonly apps: Set<string>;
  /** Current lock holders by app. */
  readonly locks: Map<string, { holder: string; token: string }>;
}

export function fakeAppRegistry(apps: Iterable<string> = []): FakeAppRegistry {
  const names = new Set(apps);
  const locks = new Map<string, { holder: string; token: string }>();
  let next = 0;
  const plugin = definePlugin({
    name: '@pier/plugin-testkit/fake-app-registry',
    register({ bus }) {
      bus.tap(appExists, ({ app }) => names.has(app));
      bus.tap(appList, () => [...names].sort());
      bus.tap(appLockAcquire, ({ app, holder }) => {
        const held = locks.get(app);
        if (held) throw new PierError(ErrorCodes.APP_LOCKED, `App ${app} is locked by ${held.holder}`);
        const token = String(next++);
        locks.set(app, { holder, token });
        return { token };
      });
      bus.tap(appLockRelease, ({ app, token }) => {
        if (locks.get(app)?.token === token) locks.delete(app);
        return true as const;
      });
    },
  });
  return { plugin, apps: names, locks };
}
