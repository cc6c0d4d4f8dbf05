import type { TriggerBus } from '../bus/trigger-bus.js';
import { GLOBAL_SCOPE } from '../apps/app-name.js';
import { propertyGet, propertyGetAll, propertySet } from '../triggers/property.js';
import type { PropertySet } from './define-properties.js';

/** Typed access to one plugin's properties through the bus (the store is `@pier/core-properties`). */
export interface PropertyClient<K extends string> {
  /** The raw value for an app or `--global`; '' when unset. */
  get(scope: string, key: K): Promise<string>;
  /** The raw global value; '' when unset. */
  getGlobal(key: K): Promise<string>;
  /** App value → global value (when the key is global) → default. For `--global`: global → default. */
  computed(scope: string, key: K): Promise<string>;
  /** Writes a value; '' deletes. */
  set(scope: string, key: K, value: string): Promise<void>;
  /** All set values of a scope. */
  getAll(scope: string): Promise<Record<string, string>>;
  /**
   * Report flags derived from the declaration: `--<plugin>-computed-<key>`, `--<plugin>-global-<key>`
   * (global keys) and, for an app, `--<plugin>-<key>`.
   */
  reportFlags(scope: string): Promise<Record<string, string>>;
}

export function propertyClient<K extends string>(bus: TriggerBus, properties: PropertySet<K>): PropertyClient<K> {
  const { plugin, specs } = properties;
  const get = async (scope: string, key: K) => (await bus.first(propertyGet, { plugin, scope, key })) ?? '';
  const getGlobal = (key: K) => get(GLOBAL_SCOPE, key);

  async function computed(scope: string, key: K): Promise<string> {
    const own = scope === GLOBAL_SCOPE ? '' : await get(scope, key);
    if (own !== '') return own;
    const global = specs[key].global ? await getGlobal(key) : '';
    return global !== '' ? global : (specs[key].default ?? '');
  }

  return {
    get,
    getGlobal,
    computed,
    async set(scope, key, value) {
      await bus.first(propertySet, { plugin, scope, key, value });
    },
    async getAll(scope) {
      return (await bus.first(propertyGetAll, { plugin, scope })) ?? {};
    },
    async reportFlags(scope) {
      const isGlobal = scope === GLOBAL_SCOPE;
      const [own, global]: Record<string, string>[] = await Promise.all([
        isGlobal ? {} : this.getAll(scope),
        this.getAll(GLOBAL_SCOPE),
      ]);
      const flags: Record<string, string> = {};
      for (const key of properties.keys) {
        const spec = specs[key];
        const ownValue = own?.[key] ?? '';
        const globalValue = spec.global ? (global?.[key] ?? '') : '';
        flags[`--${plugin}-computed-${key}`] = ownValue || globalValue || (spec.default ?? '');
        if (spec.global) flags[`--${plugin}-global-${key}`] = globalValue;
        if (!isGlobal) flags[`--${plugin}-${key}`] = ownValue;
      }
      return flags;
    },
  };
}
