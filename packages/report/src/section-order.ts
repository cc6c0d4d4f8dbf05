import { reportCollect, type TriggerBus } from '@pier/plugin-api';
import type { SectionReport } from './report-types.js';

export type NamedReport = readonly [section: string, report: SectionReport];

/**
 * The sections to ask for an info flag, its likely owner first: the section whose name starts
 * the flag (`--scheduler-docker-local-init-process` → `scheduler-docker-local`, the longest
 * match), then the others in order. Flags without a section prefix (ps's `--deployed`) are looked
 * for in section order, so only the sections before the owner are asked too.
 */
export function sectionsForFlag(sections: readonly string[], flag: string): string[] {
  const owner = sections
    .filter((section) => flag.startsWith(`--${section}-`))
    .reduce<string | undefined>((longest, section) => (longest === undefined || section.length > longest.length ? section : longest), undefined);
  return owner === undefined ? [...sections] : [owner, ...sections.filter((section) => section !== owner)];
}

/**
 * Every section of one app, collected at once (they only read, and some ask Docker) but handed
 * out in section order: a caller can print each as soon as it and the ones before it are ready,
 * and stops at the first that fails.
 */
export async function* sectionsInOrder(bus: TriggerBus, sections: readonly string[], app: string): AsyncGenerator<NamedReport> {
  const pending = sections.map((section) => bus.keyed(reportCollect, section, { app }));
  // Failures of sections after the one that stops the caller are not reported: mark them handled.
  for (const report of pending) report.catch(() => {});
  for (const [i, section] of sections.entries()) yield [section, await pending[i]!] as const;
}
