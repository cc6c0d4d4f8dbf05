export { run } from './plugin.js';
export { DEFAULT_TTL_SECONDS, parseRunArgs, type RunArgs } from './parse-run-args.js';
