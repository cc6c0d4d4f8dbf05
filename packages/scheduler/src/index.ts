export { scheduler } from './plugin.js';
export { schedulerProperties } from './scheduler-properties.js';
