import {
  ErrorCodes,
  PierError,
  parsePropertySetArgs,
  runPropertySetCommand,
  type CommandSpec,
  type PluginContext,
} from '@pier/plugin-api';
import { psProperties } from './ps-properties.js';
import { isWholeSeconds } from './seconds.js';

/** Docker's restart policies; `on-failure:` takes any suffix, as in Dokku (the count is not checked). */
export function isValidRestartPolicy(policy: string): boolean {
  return ['no', 'always', 'unless-stopped', 'on-failure'].includes(policy) || policy.startsWith('on-failure:');
}

const invalid = (message: string) => new PierError(ErrorCodes.PROPERTY_INVALID, message);

/**
 * Values Dokku passes on unchecked but that would break a deploy later (a non-numeric stop
 * timeout) or silently mean "false" (`skip-deploy yes`): refused when set instead.
 */
function validateValue(key: string, value: string): void {
  if (key === 'stop-timeout-seconds' && !isWholeSeconds(value)) throw invalid('Invalid stop-timeout-seconds specified, must be a whole number of seconds');
  if ((key === 'skip-deploy' || key === 'restore') && value !== 'true' && value !== 'false') {
    throw invalid(`Invalid ${key} specified, must be true or false`);
  }
}

export function setCommand(context: PluginContext): CommandSpec {
  return {
    usage: 'ps:set <app> <key> <value>',
    description: 'Set or clear a ps property for an app',
    async run({ args }) {
      // Dokku checks the restart policy before anything else, the app included. An empty value
      // unsets it (back to on-failure:10), which Dokku cannot do.
      const { key, value } = parsePropertySetArgs(args);
      if (key === 'restart-policy' && value !== '' && !isValidRestartPolicy(value)) throw invalid('Invalid restart-policy specified');
      await runPropertySetCommand(context, psProperties, args, { validateValue });
    },
  };
}
