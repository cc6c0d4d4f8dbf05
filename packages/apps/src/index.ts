export { apps } from './plugin.js';
