import { ErrorCodes, PierError } from '../errors/index.js';

/** Dokku's rule for new app names. */
export const APP_NAME_PATTERN = /^[a-z0-9][a-z0-9.-]*$/;
/** Dokku's older rule, still accepted for existing apps (it also allows `_`). */
export const LEGACY_APP_NAME_PATTERN = /^[a-z0-9][a-z0-9._-]*$/;

export const INVALID_APP_NAME_MESSAGE =
  'App name must begin with lowercase alphanumeric character, and may only contain lowercase alphanumerics, dots, and hyphens';

/**
 * Dokku sets no limit of its own; names fail later, deep in a file or DNS operation. Pier refuses
 * longer new names up front: 63 is a DNS label's maximum, and an app name is the first label of
 * its default vhost (`<app>.<domain>`) and a directory name under the state root.
 */
export const APP_NAME_MAX_LENGTH = 63;

/** The pseudo app that stands for global settings (`--global`), as in Dokku's property layout. */
export const GLOBAL_SCOPE = '--global';

export class AppNameMissingError extends PierError {
  constructor() {
    super(ErrorCodes.APP_NAME_MISSING, 'Please specify an app to run the command on');
  }
}

export class InvalidAppNameError extends PierError {
  constructor(readonly app: string) {
    super(ErrorCodes.APP_NAME_INVALID, INVALID_APP_NAME_MESSAGE);
  }
}

export class AppNameTooLongError extends PierError {
  constructor(readonly app: string) {
    super(ErrorCodes.APP_NAME_INVALID, `App name must be at most ${APP_NAME_MAX_LENGTH} characters long`);
  }
}

export class AppNotFoundError extends PierError {
  constructor(readonly app: string) {
    super(ErrorCodes.APP_NOT_FOUND, `App ${app} does not exist`);
  }
}

/** Checks the name only (Dokku `IsValidAppName` for new apps, plus Pier's length limit). */
export function assertNewAppName(app: string | undefined): asserts app is string {
  if (!app) throw new AppNameMissingError();
  if (!APP_NAME_PATTERN.test(app)) throw new InvalidAppNameError(app);
  if (app.length > APP_NAME_MAX_LENGTH) throw new AppNameTooLongError(app);
}

/** Checks the name of an app that may already exist (either naming rule). */
export function assertExistingAppName(app: string | undefined): asserts app is string {
  if (!app) throw new AppNameMissingError();
  if (!APP_NAME_PATTERN.test(app) && !LEGACY_APP_NAME_PATTERN.test(app)) throw new InvalidAppNameError(app);
}
