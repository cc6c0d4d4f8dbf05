import { byteLength, compareBytes } from './byte-order.js';
import type { ReportFlags } from './report-types.js';

/** Dokku never pads labels to less than this, so short reports line up with long ones. */
const MIN_LABEL_WIDTH = 31;
/** The indent of Dokku's `verbose` helper: report lines sit under the `=====>` header. */
const INDENT = '       ';

/** The header after `=====> `: `node-js-app scheduler information` (`--global` for the global report). */
export function reportHeading(app: string, section: string): string {
  return `${app} ${section} information`;
}

/**
 * `--status-web.1` → `Status web 1:`. Every core Dokku report upper-cases the first character and
 * keeps the section prefix in the label (TrimPrefix only affects JSON keys).
 */
export function reportLabel(flag: string): string {
  const words = flag.replace(/^--/, '').replace(/[-.]/g, ' ');
  const first = words.codePointAt(0);
  if (first === undefined) return ':';
  const head = String.fromCodePoint(first);
  return `${head.toUpperCase()}${words.slice(head.length)}:`;
}

/** Every flag of a report, in the order Dokku prints them: by the bytes of the full `--flag`. */
export function sortedFlags(flags: ReportFlags): string[] {
  return Object.keys(flags).sort(compareBytes);
}

/**
 * The value lines of a text report, without the header. Labels are padded (Go's byte length) to
 * the longest flag, at least 31; since a label is one byte shorter than its flag, at least one
 * space always separates it from the value. Values are printed untouched: an empty value leaves
 * the padding as trailing spaces, exactly as Dokku does.
 */
export function formatReportText(flags: ReportFlags): string[] {
  const keys = sortedFlags(flags);
  const width = Math.max(MIN_LABEL_WIDTH, ...keys.map(byteLength));
  return keys.map((flag) => {
    const label = reportLabel(flag);
    return `${INDENT}${label}${' '.repeat(Math.max(0, width - byteLength(label)))}${flags[flag]!}`;
  });
}
