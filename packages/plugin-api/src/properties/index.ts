export { defineProperties, type PropertySet, type PropertySpec } from './define-properties.js';
export { propertyClient, type PropertyClient } from './property-client.js';
export {
  parsePropertySetArgs,
  runPropertySetCommand,
  type ParsedPropertySetArgs,
  type PropertySetDialect,
  type PropertySetOptions,
} from './property-set-command.js';
export { registerSettingsCommands, type SettingsCommandsOptions } from './settings-commands.js';
export { configRoot, propertyDir, propertyFile, readPropertyFile } from './property-files.js';
