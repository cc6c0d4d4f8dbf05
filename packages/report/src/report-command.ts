import {
  UsageError,
  reportCollect,
  registerCommands,
  type Output,
  type PluginContext,
  type TriggerBus,
} from '@pier/plugin-api';
import { reportJsonObject } from './format-json.js';
import { goJsonStringify } from './go-json.js';
import { parseReportArgs, type ParsedReportArgs } from './parse-report-args.js';
import { infoFlagValue, printSectionReport } from './print-report.js';
import { NO_APPS_MESSAGE, reportTargets } from './report-targets.js';
import type { ReportFlags, SectionReport } from './report-types.js';

export const REPORT_COMMAND = 'report';

type NamedReport = readonly [section: string, report: SectionReport];

/**
 * Every section for one app, in sorted section order. Sections are collected concurrently (as
 * Dokku collects report values in parallel): they only read, and some ask Docker.
 */
async function collectAll(bus: TriggerBus, app: string): Promise<NamedReport[]> {
  const sections = bus.keys(reportCollect);
  const reports = await Promise.all(sections.map((section) => bus.keyed(reportCollect, section, { app })));
  return sections.map((section, i) => [section, reports[i]!] as const);
}

/** All flags of all sections; a flag reported by two sections takes the first section's value. */
function mergedFlags(reports: readonly NamedReport[]): ReportFlags {
  const flags: ReportFlags = {};
  for (const [, report] of reports) {
    for (const [flag, value] of Object.entries(report.flags)) if (!Object.hasOwn(flags, flag)) flags[flag] = value;
  }
  return flags;
}

/** What `pier report` prints for one app: one value, one JSON line, or every section's text report. */
function printAppReports(log: Output, app: string, reports: readonly NamedReport[], parsed: ParsedReportArgs): void {
  if (parsed.infoFlag !== undefined) {
    log.line(infoFlagValue(mergedFlags(reports), parsed.infoFlag));
  } else if (parsed.format === 'json') {
    // One object per section under its name: the sections' keys may clash once prefixes are trimmed.
    const sections = Object.fromEntries(reports.map(([section, r]) => [section, reportJsonObject(section, r.flags, r)]));
    log.line(goJsonStringify(sections));
  } else {
    for (const [section, report] of reports) printSectionReport(log, app, section, report, 'stdout');
  }
}

/**
 * `pier report [<app>] [<flag>]`: what `<section>:report` prints, for every section in turn
 * (Dokku's `plugn trigger report`). The same rules apply, across sections: one info flag, looked
 * up in every section; `--format json` prints one line per app holding one object per section.
 * `--global` is refused: the `report:collect` contract does not say which sections have globals.
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
  for (const app of apps) printAppReports(log, app, await collectAll(bus, app), parsed);
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
