export { checks } from './plugin.js';
export { checksProperties } from './checks-properties.js';
