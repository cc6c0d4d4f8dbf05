import { PROPERTY_KEY_PATTERN, PROPERTY_PLUGIN_PATTERN } from '../triggers/property.js';

export interface PropertySpec {
  /** Value of `computed` when neither the app nor `--global` sets it ('' when omitted). */
  default?: string;
  /** Whether `<plugin>:set --global <key>` is allowed (and the report has global keys). */
  global?: boolean;
  /** Settable with `<plugin>:set` and shown in reports (default true). Internal state sets false. */
  public?: boolean;
}

export interface PropertySet<K extends string = string> {
  /** The plugin directory under `config/`, e.g. `scheduler`. */
  readonly plugin: string;
  readonly specs: Readonly<Record<K, PropertySpec>>;
  /** The public keys, sorted (Dokku lists valid properties sorted). */
  readonly keys: readonly K[];
  /** The public keys allowed with `--global`, sorted. */
  readonly globalKeys: readonly K[];
}

/**
 * Declares a plugin's properties once (replacing Dokku's DefaultProperties/GlobalProperties maps);
 * report keys and the `*:set` validation are derived from it.
 */
export function defineProperties<const K extends string>(plugin: string, specs: Record<K, PropertySpec>): PropertySet<K> {
  if (!PROPERTY_PLUGIN_PATTERN.test(plugin)) throw new TypeError(`invalid property plugin name "${plugin}"`);
  const all = Object.keys(specs) as K[];
  for (const key of all) {
    if (!PROPERTY_KEY_PATTERN.test(key)) throw new TypeError(`invalid property key "${key}" for ${plugin}`);
  }
  const keys = all.filter((k) => specs[k].public !== false).sort();
  return Object.freeze({
    plugin,
    specs: Object.freeze({ ...specs }),
    keys,
    globalKeys: keys.filter((k) => specs[k].global === true),
  });
}
