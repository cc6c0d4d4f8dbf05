import {
  ErrorCodes,
  PierError,
  parseCommandArgs,
  parsePropertySetArgs,
  propertyClient,
  reportRender,
  runPropertySetCommand,
  verifyApp,
  type CommandSpec,
  type CommandTopic,
  type PluginContext,
} from '@pier/plugin-api';
import { GLOBAL_ONLY_KEYS, checksProperties } from './checks-properties.js';
import { isWholeSeconds } from './seconds.js';
import { parseTypes } from './type-list.js';
import { toggle, toggleMessage, toggleWarning, type ToggleAction } from './toggle.js';

const TYPES_NOTE = 'for all processes (or comma-separated process-type list)';

export function checksCommands(context: PluginContext): CommandTopic {
  const { bus, log } = context;
  const props = propertyClient(bus, checksProperties);

  /** `checks:<action> <app> [types]`: the lists change only after the app and types are checked. */
  function toggleCommand(action: ToggleAction, usage: string, description: string): CommandSpec {
    return {
      usage,
      description,
      async run({ args }) {
        const { positionals } = parseCommandArgs(args, {});
        const app = await verifyApp(bus, positionals[0]);
        const types = parseTypes(positionals[1]);
        const current = { disabled: await props.get(app, 'disabled'), skipped: await props.get(app, 'skipped') };
        log.info1(toggleMessage(action, app, types));
        const warning = toggleWarning(action, app, current, types);
        if (warning !== undefined) log.warn(warning);
        const next = toggle(action, current, types);
        await props.set(app, 'disabled', next.disabled);
        await props.set(app, 'skipped', next.skipped);
      },
    };
  }

  function validateValue(key: string, value: string): void {
    if (!isWholeSeconds(value)) throw new PierError(ErrorCodes.PROPERTY_INVALID, `Invalid ${key} specified, must be a whole number of seconds`);
  }

  return {
    topic: 'checks',
    description: 'Manage zero-downtime settings',
    // Dokku's checks help is bash (`column -t`): nothing after the last command.
    helpStyle: 'bash',
    commands: {
      'checks:disable': toggleCommand(
        'disable',
        'checks:disable <app> [process-type(s)]',
        `Disable zero-downtime deployment ${TYPES_NOTE} ***WARNING: this will cause downtime during deployments***`,
      ),
      'checks:enable': toggleCommand('enable', 'checks:enable <app> [process-type(s)]', `Enable zero-downtime deployment ${TYPES_NOTE}`),
      'checks:report': {
        usage: 'checks:report [<app>] [<flag>]',
        description: 'Displays a checks report for one or more apps',
        run: async ({ args }) => void (await bus.first(reportRender, { section: 'checks', args, global: true })),
      },
      'checks:set': {
        usage: 'checks:set [--global|<app>] <key> <value>',
        description: 'Set or clear a checks property for an app',
        async run({ args }) {
          const { global, app, key } = parsePropertySetArgs(args, 'bash');
          if (!global && GLOBAL_ONLY_KEYS.includes(key)) {
            await verifyApp(bus, app);
            throw new PierError(ErrorCodes.PROPERTY_INVALID, `Key ${key} can only be specified globally`);
          }
          await runPropertySetCommand(context, checksProperties, args, { noun: 'key', validateValue });
        },
      },
      'checks:skip': toggleCommand('skip', 'checks:skip <app> [process-type(s)]', `Skip zero-downtime checks ${TYPES_NOTE}`),
    },
  };
}
