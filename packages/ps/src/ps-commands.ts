import type { CommandTopic } from '@pier/plugin-api';
import { deployCommand } from './deploy-command.js';
import { inspectCommand } from './inspect-command.js';
import type { Ps } from './ps-context.js';
import { rebuildCommand } from './rebuild-command.js';
import { reportCommand } from './report-command.js';
import { restartCommand } from './restart-command.js';
import { restoreCommand } from './restore-command.js';
import { retireCommand } from './retire-command.js';
import { scaleCommand } from './scale-command.js';
import { setCommand } from './set-command.js';
import { startCommand } from './start-command.js';
import { stopCommand } from './stop-command.js';

/** The `ps:*` commands, with Dokku's usage lines and descriptions. */
export function psCommands(ps: Ps): CommandTopic {
  return {
    topic: 'ps',
    description: 'Manage app processes',
    commands: {
      'ps:inspect': inspectCommand(ps),
      'ps:rebuild': rebuildCommand(ps),
      'ps:report': reportCommand(ps.bus),
      'ps:restart': restartCommand(ps),
      'ps:restore': restoreCommand(ps),
      'ps:retire': retireCommand(ps),
      'ps:scale': scaleCommand(ps),
      'ps:set': setCommand(ps.context),
      'ps:start': startCommand(ps),
      'ps:stop': stopCommand(ps),
    },
  };
}

/** `pier deploy`: its own help topic, since Dokku has no such command (it deploys on git push). */
export function deployCommands(ps: Ps): CommandTopic {
  return {
    topic: 'deploy',
    description: 'Deploy an image to an app',
    commands: { deploy: deployCommand(ps) },
  };
}
