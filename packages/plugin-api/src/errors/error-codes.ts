/**
 * The catalogue of stable error codes. Codes never change meaning once released; scripts and
 * third-party plugins may match on them. Only the CLI turns a code into an exit status
 * (see `@pier/cli` exit-codes), so nothing here knows about process exits.
 */
export const ErrorCodes = {
  /** A handler threw something that is not a PierError; wrapped with plugin and trigger. */
  PLUGIN: 'PIER_ERR_PLUGIN',
  /** Input or output of a trigger did not match its schema. */
  TRIGGER_CONTRACT: 'PIER_ERR_TRIGGER_CONTRACT',
  /** A keyed or first-result trigger had no handler for the request. */
  TRIGGER_NO_HANDLER: 'PIER_ERR_TRIGGER_NO_HANDLER',
  /** Two plugins tapped the same keyed trigger under the same key. */
  TRIGGER_DUPLICATE_KEY: 'PIER_ERR_TRIGGER_DUPLICATE_KEY',
  /** A bus method was used with a trigger of another kind. */
  TRIGGER_KIND: 'PIER_ERR_TRIGGER_KIND',
  /** A plugin manifest (`package.json` "pier" field) is missing or malformed. */
  PLUGIN_MANIFEST: 'PIER_ERR_PLUGIN_MANIFEST',
  /** A plugin was built against another plugin-api major version. */
  PLUGIN_API_MISMATCH: 'PIER_ERR_PLUGIN_API_MISMATCH',
  /** A plugin package could not be installed, found or loaded. */
  PLUGIN_INSTALL: 'PIER_ERR_PLUGIN_INSTALL',
  /** Wrong command-line usage: missing or unknown arguments, flags or values. */
  USAGE: 'PIER_ERR_USAGE',
  /** No plugin implements the command. */
  UNKNOWN_COMMAND: 'PIER_ERR_UNKNOWN_COMMAND',
  /** No app name was given. */
  APP_NAME_MISSING: 'PIER_ERR_APP_NAME_MISSING',
  /** The app name breaks the naming rule. */
  APP_NAME_INVALID: 'PIER_ERR_APP_NAME_INVALID',
  /** The app does not exist (Dokku exits 20 for this). */
  APP_NOT_FOUND: 'PIER_ERR_APP_NOT_FOUND',
  /** The app name is already used. */
  APP_EXISTS: 'PIER_ERR_APP_EXISTS',
  /** The app is not deployed and the command needs it to be. */
  APP_NOT_DEPLOYED: 'PIER_ERR_APP_NOT_DEPLOYED',
  /** Another command holds the app's lock. */
  APP_LOCKED: 'PIER_ERR_APP_LOCKED',
  /** A property name or value was rejected. */
  PROPERTY_INVALID: 'PIER_ERR_PROPERTY_INVALID',
  /** The selected scheduler is not installed. */
  SCHEDULER_NOT_INSTALLED: 'PIER_ERR_SCHEDULER_NOT_INSTALLED',
  /** The selected scheduler does not implement what the command needs. */
  SCHEDULER_UNSUPPORTED: 'PIER_ERR_SCHEDULER_UNSUPPORTED',
  /** The Docker engine could not be reached. */
  DOCKER_UNREACHABLE: 'PIER_ERR_DOCKER_UNREACHABLE',
  /** The image to deploy or run does not exist. */
  IMAGE_NOT_FOUND: 'PIER_ERR_IMAGE_NOT_FOUND',
  /** A deploy did not complete (failed checks, a container that would not start, ...). */
  DEPLOY_FAILED: 'PIER_ERR_DEPLOY_FAILED',
  /**
   * The command was interrupted (Ctrl-C, SIGTERM) and stopped cleanly; the error carries the
   * shell's status for the signal (130 for SIGINT, 143 for SIGTERM) as its exitCode.
   */
  INTERRUPTED: 'PIER_ERR_INTERRUPTED',
  /** The user declined a confirmation prompt. */
  ABORTED: 'PIER_ERR_ABORTED',
  /** A command failed in a way that has no more specific code. */
  COMMAND_FAILED: 'PIER_ERR_COMMAND_FAILED',
} as const;

export type ErrorCode = (typeof ErrorCodes)[keyof typeof ErrorCodes];
