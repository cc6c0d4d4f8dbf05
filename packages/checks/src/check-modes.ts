import { ALL, inList } from './type-list.js';

export type CheckMode = 'enabled' | 'disabled' | 'skipped';

/** Disabled wins over skipped, as in Dokku's deploy (a disabled type is never checked). */
export function modeFor(type: string, disabled: string, skipped: string): CheckMode {
  if (disabled === ALL || inList(disabled, type)) return 'disabled';
  if (skipped === ALL || inList(skipped, type)) return 'skipped';
  return 'enabled';
}
