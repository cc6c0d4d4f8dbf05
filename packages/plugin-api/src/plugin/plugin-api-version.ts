/**
 * The contract version a plugin is built against. It changes only with a breaking change of the
 * trigger catalogue or the plugin shape (a major release of @pier/plugin-api); the host refuses
 * to load a plugin whose manifest names another version.
 */
export const PLUGIN_API_VERSION = 1 as const;
export type PluginApiVersion = typeof PLUGIN_API_VERSION;
