import { UsageError, reportCollect, type InputOf, type PluginContext, type reportRender } from '@pier/plugin-api';
import { parseReportArgs, reportFormat } from './parse-report-args.js';
import { infoFlagValue, printSectionReport } from './print-report.js';
import { NO_APPS_MESSAGE, reportTargets } from './report-targets.js';

/**
 * The `report:render` handler: one `<section>:report` invocation, from raw arguments to output,
 * in Dokku's order: the arguments pflag parses, then the app (exit 20 when it is missing; a
 * warning and exit 0 when there are no apps), then the format, then the values. Whether an info
 * flag exists is only known once the section has answered, so that check comes last.
 */
export async function renderSectionReport(context: PluginContext, input: InputOf<typeof reportRender>): Promise<true> {
  const { bus, log } = context;
  const command = input.command ?? `${input.section}:report`;
  const parsed = parseReportArgs(command, input.args);
  if (parsed.global && !input.global) throw new UsageError(`${command} does not support --global`);

  const apps = await reportTargets(bus, parsed);
  if (apps.length === 0) {
    log.warn(NO_APPS_MESSAGE);
    return true;
  }
  const format = reportFormat(parsed);
  // One app at a time, so output streams and a failure stops before the next app.
  for (const app of apps) {
    const report = await bus.keyed(reportCollect, input.section, { app });
    if (parsed.infoFlag !== undefined) log.line(infoFlagValue(report.flags, parsed.infoFlag));
    else printSectionReport(log, app, input.section, report, format);
  }
  return true;
}
