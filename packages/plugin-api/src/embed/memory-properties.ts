import { Stage } from '../bus/trigger-bus.js';
import { definePlugin, type PierPlugin } from '../plugin/define-plugin.js';
import { propertyGet, propertyGetAll, propertySet } from '../triggers/property.js';

/** Property values by plugin, then scope (an app or `--global`), then key. */
export type PropertyValues = Record<string, Record<string, Record<string, string>>>;

/**
 * An in-memory property store for embedding schedulers without the CLI (and without
 * `@pier/core-properties`). Its taps run late, so a real store registered alongside it answers
 * first; it only fills in when nothing else holds a value.
 */
export function memoryProperties(initial: PropertyValues = {}): PierPlugin {
  const values = new Map<string, string>();
  const id = (plugin: string, scope: string, key: string) => `${plugin}\0${scope}\0${key}`;
  for (const [plugin, scopes] of Object.entries(initial)) {
    for (const [scope, keys] of Object.entries(scopes)) {
      for (const [key, value] of Object.entries(keys)) values.set(id(plugin, scope, key), value);
    }
  }

  return definePlugin({
    name: '@pier/plugin-api/memory-properties',
    register({ bus }) {
      const late = { stage: Stage.late };
      bus.tap(propertyGet, ({ plugin, scope, key }) => values.get(id(plugin, scope, key)), late);
      bus.tap(
        propertySet,
        ({ plugin, scope, key, value }) => {
          // Dokku's rule: setting an empty value clears the property.
          if (value === '') values.delete(id(plugin, scope, key));
          else values.set(id(plugin, scope, key), value);
          return true as const;
        },
        late,
      );
      bus.tap(
        propertyGetAll,
        ({ plugin, scope }) => {
          const prefix = id(plugin, scope, '');
          const entries = [...values].filter(([k]) => k.startsWith(prefix)).map(([k, v]) => [k.slice(prefix.length), v]);
          return Object.fromEntries(entries);
        },
        late,
      );
    },
  });
}
