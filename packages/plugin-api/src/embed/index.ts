export {
  createEmbeddedHost,
  type EmbeddedHost,
  type EmbeddedHostOptions,
  type EmbeddedScheduler,
} from './embedded-host.js';
export { memoryProperties, type PropertyValues } from './memory-properties.js';
