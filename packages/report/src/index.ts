/**
 * @pier/report: the single renderer of every `<section>:report` command and of `pier report`.
 * The plugin is reached through the bus (`report:render`); the pure formatters are exported for
 * tests and tools that need Dokku's exact report bytes.
 */
export { report, REPORT_PLUGIN_NAME } from './plugin.js';
export { parseReportArgs, reportFormat, type ParsedReportArgs } from './parse-report-args.js';
export { formatReportText, reportHeading, reportLabel, sortedFlags } from './format-text.js';
export { formatReportJson, reportJsonObject } from './format-json.js';
export { goJsonStringify, type GoJsonValue } from './go-json.js';
export { compareBytes } from './byte-order.js';
export { NO_APPS_MESSAGE } from './report-targets.js';
export { REPORT_COMMAND } from './report-command.js';
export type { JsonKeyOptions, ReportFlags, ReportFormat, SectionReport } from './report-types.js';
