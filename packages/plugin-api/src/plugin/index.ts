export { PLUGIN_API_VERSION, type PluginApiVersion } from './plugin-api-version.js';
export { definePlugin, isPierPlugin, type PierPlugin, type PluginContext, type PluginDefinition } from './define-plugin.js';
export { parsePluginManifest, pluginManifestSchema, type PluginManifest } from './manifest.js';
export { checkPluginName, checkRegisteredSchedulers } from './manifest-checks.js';
