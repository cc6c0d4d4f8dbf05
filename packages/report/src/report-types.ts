import type { OutputOf, reportCollect } from '@pier/plugin-api';

/** What one section returns for one app (or `--global`): its flags and how to key them in JSON. */
export type SectionReport = OutputOf<typeof reportCollect>;

/** `--flag` → value, as a section reports it. */
export type ReportFlags = SectionReport['flags'];

/** The JSON key options of a section (Dokku's TrimPrefix and EmitLegacyPrefix). */
export type JsonKeyOptions = Pick<SectionReport, 'trimPrefix' | 'emitLegacyPrefix'>;

export type ReportFormat = 'stdout' | 'json';
