import { definePlugin, reportRender, type PierPlugin } from '@pier/plugin-api';
import { registerReportCommand } from './report-command.js';
import { renderSectionReport } from './render-report.js';

export const REPORT_PLUGIN_NAME = '@pier/report';

/**
 * The report renderer: answers `report:render` for every `<section>:report` command and adds
 * `pier report`. Plugins never import this package; they reach it through the bus.
 */
export function report(): PierPlugin {
  return definePlugin({
    name: REPORT_PLUGIN_NAME,
    register(context) {
      context.bus.tap(reportRender, (input) => renderSectionReport(context, input));
      registerReportCommand(context);
    },
  });
}
