import { definePlugin, registerCommands, releaseChecks, reportCollect, type PierPlugin } from '@pier/plugin-api';
import { checksCommands } from './checks-commands.js';
import { collectChecksReport } from './checks-report.js';
import { releaseCheckSettings } from './release-checks.js';

/**
 * Zero-downtime check settings: the `checks:*` commands, the `checks` report section, and the
 * answer to release:checks, which the deploy plugin asks while it builds a release. The checks
 * themselves run in the scheduler.
 */
export function checks(): PierPlugin {
  return definePlugin({
    name: '@pier/checks',
    register(context) {
      const { bus } = context;
      bus.tap(releaseChecks, (input) => releaseCheckSettings(bus, input));
      bus.tapKeyed(reportCollect, 'checks', ({ app }) => collectChecksReport(bus, app));
      registerCommands(context, checksCommands(context));
    },
  });
}
