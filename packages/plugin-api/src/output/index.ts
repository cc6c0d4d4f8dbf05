export { createOutput, type Output, type OutputOptions, type PluginIO } from './output.js';
export { colorWanted } from './color.js';
export { LOG_COLORS, logColorFor, prefixLogLine } from './log-prefix.js';
