export { ErrorCodes, type ErrorCode } from './error-codes.js';
export { PierError, PluginError, TriggerContractError, UsageError, isPierError, messageOf, type PierErrorOptions } from './pier-error.js';
export { exitCodeFor, exitStatusOf } from './exit-codes.js';
export { reportPierError, type ErrorOutput } from './report-error.js';
