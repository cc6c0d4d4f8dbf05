export {
  APP_NAME_MAX_LENGTH,
  APP_NAME_PATTERN,
  AppNameMissingError,
  AppNameTooLongError,
  AppNotFoundError,
  GLOBAL_SCOPE,
  INVALID_APP_NAME_MESSAGE,
  InvalidAppNameError,
  LEGACY_APP_NAME_PATTERN,
  assertExistingAppName,
  assertNewAppName,
} from './app-name.js';
export { verifyApp } from './verify-app.js';
export { withAppLock } from './with-app-lock.js';
