/**
 * @pier/plugin-api: the contract every Pier package (and every third-party plugin) builds on.
 * It depends on nothing internal. Its semver is the plugin contract: a new trigger is a minor
 * release, a changed schema or a removed trigger a major one (with a PLUGIN_API_VERSION bump).
 */
export * from './bus/index.js';
export * from './errors/index.js';
export * from './output/index.js';
export * from './plugin/index.js';
export * from './apps/index.js';
export * from './triggers/index.js';
export * from './properties/index.js';
export * from './commands/index.js';
export * from './scheduler/index.js';
export * from './embed/index.js';
export * from './docker/index.js';
export * from './process/index.js';
export { writeFileAtomic } from './util/write-file-atomic.js';
export { canonicalRoot } from './util/canonical-root.js';
export { lockHolder, tryLockFile, withFileLock, type FileLock, type LockAttempt, type LockRecord } from './util/file-lock.js';
export { systemClock, type Clock } from './util/clock.js';
