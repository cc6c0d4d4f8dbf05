import { UsageError, type Output } from '@pier/plugin-api';
import { formatReportJson } from './format-json.js';
import { formatReportText, reportHeading, sortedFlags } from './format-text.js';
import type { ReportFlags, ReportFormat, SectionReport } from './report-types.js';

/**
 * Prints one section report for one app. The header is quiet-suppressible (info2Quiet); value
 * lines and JSON are not, so `--quiet` scripts still get the data.
 */
export function printSectionReport(log: Output, app: string, section: string, report: SectionReport, format: ReportFormat): void {
  if (format === 'json') {
    log.line(formatReportJson(section, report.flags, report));
    return;
  }
  log.info2Quiet(reportHeading(app, section));
  for (const line of formatReportText(report.flags)) log.line(line);
}

/** The value of a single requested flag, or Dokku's error listing every valid flag. */
export function infoFlagValue(flags: ReportFlags, flag: string): string {
  if (Object.hasOwn(flags, flag)) return flags[flag]!;
  throw new UsageError(`Invalid flag passed, valid flags: ${sortedFlags(flags).join(', ')}`);
}
