export { ErrorCodes, type ErrorCode } from './error-codes.js';
export { PierError, PluginError, TriggerContractError, UsageError, isPierError, messageOf } from './pier-error.js';
export { exitCodeFor } from './exit-codes.js';
