import { definePlugin, registerCommands, reportCollect, type PierPlugin } from '@pier/plugin-api';
import { tapAppLifecycle } from './lifecycle.js';
import { createPs } from './ps-context.js';
import { deployCommands, psCommands } from './ps-commands.js';
import { collectPsReport } from './ps-report.js';
import { urlsCommands } from './urls-command.js';

/**
 * Process management: `pier deploy`, the `ps:*` commands and the `ps` report section. It
 * computes every Release (Procfile, app.json, scale, settings) and hands it to the app's
 * scheduler, which only executes it.
 */
export function ps(): PierPlugin {
  return definePlugin({
    name: '@pier/ps',
    register(context) {
      const shared = createPs(context);
      context.bus.tapKeyed(reportCollect, 'ps', ({ app }) => collectPsReport(shared, app));
      tapAppLifecycle(shared);
      registerCommands(context, psCommands(shared));
      registerCommands(context, deployCommands(shared));
      registerCommands(context, urlsCommands(shared));
    },
  });
}
