export { logs } from './plugin.js';
