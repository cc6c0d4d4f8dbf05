export { coreProperties } from './plugin.js';
export { createPropertyStore, type PropertyStore } from './property-store.js';
