import {
  UsageError,
  reportCollect,
  registerCommands,
  type Output,
  type PluginContext,
  type TriggerBus,
} from '@pier/plugin-api';
import { reportJsonObject } from './format-json.js';
import { goJsonStringify, type GoJsonValue } from './go-json.js';
import { parseReportArgs, reportFormat, type ParsedReportArgs } from './parse-report-args.js';
import { infoFlagValue, printSectionReport } from './print-report.js';
import { NO_APPS_MESSAGE, reportTargets } from './report-targets.js';
import type { ReportFlags, ReportFormat } from './report-types.js';
import { sectionsForFlag, sectionsInOrder, type NamedReport } from './section-order.js';

export const REPORT_COMMAND = 'report';

/** All flags of the sections asked; a flag reported by two sections takes the first one's value. */
function mergedFlags(reports: readonly NamedReport[]): ReportFlags {
  const flags: ReportFlags = {};
  for (const [, report] of reports) {
    for (const [flag, value] of Object.entries(report.flags)) if (!Object.hasOwn(flags, flag)) flags[flag] = value;
  }
  return flags;
}

/**
 * One flag's value, asking one section at a time until one has it (§2.2: "info-flag collection
 * only evaluates the requested flag"): `--app-dir` never waits for ps to ask Docker. Only an
 * unknown flag asks every section, to list every valid flag.
 */
async function flagValue(bus: TriggerBus, app: string, flag: string): Promise<string> {
  const asked: NamedReport[] = [];
  for (const section of sectionsForFlag(bus.keys(reportCollect), flag)) {
    const report = await bus.keyed(reportCollect, section, { app });
    if (Object.hasOwn(report.flags, flag)) return report.flags[flag]!;
    asked.push([section, report]);
  }
  return infoFlagValue(mergedFlags(asked), flag);
}

/** What `pier report` prints for one app: one value, one JSON line, or every section's text report as it comes. */
async function printAppReports(bus: TriggerBus, log: Output, app: string, parsed: ParsedReportArgs, format: ReportFormat): Promise<void> {
  if (parsed.infoFlag !== undefined) {
    log.line(await flagValue(bus, app, parsed.infoFlag));
    return;
  }
  const reports = sectionsInOrder(bus, bus.keys(reportCollect), app);
  if (format === 'stdout') {
    for await (const [section, report] of reports) printSectionReport(log, app, section, report, 'stdout');
    return;
  }
  // One object per section under its name: the sections' keys may clash once prefixes are trimmed.
  const sections: Record<string, GoJsonValue> = {};
  for await (const [section, report] of reports) sections[section] = reportJsonObject(section, report.flags, report);
  log.line(goJsonStringify(sections));
}

/**
 * `pier report [<app>] [<flag>]`: what `<section>:report` prints, for every section in turn
 * (Dokku's `plugn trigger report`), in the same order of checks. The same rules apply, across
 * sections: one info flag, looked up in every section; `--format json` prints one line per app
 * holding one object per section. `--global` is refused: the `report:collect` contract does not
 * say which sections have globals.
 */
async function runReportCommand(context: PluginContext, args: readonly string[]): Promise<void> {
  const { bus, log } = context;
  const parsed = parseReportArgs(REPORT_COMMAND, args);
  if (parsed.global) throw new UsageError(`${REPORT_COMMAND} does not support --global`);

  const apps = await reportTargets(bus, parsed);
  if (apps.length === 0) {
    log.warn(NO_APPS_MESSAGE);
    return;
  }
  const format = reportFormat(parsed);
  for (const app of apps) await printAppReports(bus, log, app, parsed, format);
}

/** Registers `pier report` under its own help topic. */
export function registerReportCommand(context: PluginContext): void {
  registerCommands(context, {
    topic: REPORT_COMMAND,
    description: 'Display the reports of every plugin for one or more apps',
    commands: {
      [REPORT_COMMAND]: {
        usage: 'report [<app>] [<flag>]',
        description: 'Displays a report for one or more apps',
        run: ({ args }) => runReportCommand(context, args),
      },
    },
  });
}
