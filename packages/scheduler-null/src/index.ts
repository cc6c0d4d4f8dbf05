export { schedulerNull } from './plugin.js';
