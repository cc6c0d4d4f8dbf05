/**
 * What a scheduler's run, logs and enter say about an app with nothing to run or read: the same
 * words and code whichever scheduler the app uses.
 */
import { ErrorCodes } from '../errors/error-codes.js';
import { PierError } from '../errors/pier-error.js';

export const notDeployed = (app: string) => new PierError(ErrorCodes.APP_NOT_DEPLOYED, `App ${app} has not been deployed`);
