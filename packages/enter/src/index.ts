export { enter } from './plugin.js';
export { parseEnterArgs, type EnterArgs } from './parse-enter-args.js';
