/**
 * The contract version a plugin is built against. It changes only with a breaking change of the
 * trigger catalogue or the plugin shape: a minor release of @pier/plugin-api while it is 0.x
 * (0.1.x → 0.2.0), a major one from 1.0.0 on. The host refuses to load a plugin whose manifest
 * names another version.
 */
export const PLUGIN_API_VERSION = 1 as const;
export type PluginApiVersion = typeof PLUGIN_API_VERSION;
