/**
 * checks:disable|enable|skip as state transitions on the two lists, with Dokku's rules: a type
 * is in at most one list and `_all_` in one list clears the other.
 *
 * One Dokku quirk is fixed: naming types for the list that already holds `_all_` (checks:disable
 * then checks:disable <app> worker) used to replace `_all_` by those types, silently turning the
 * checks of every other type back on. Those types are already covered, so `_all_` stays.
 */
import { ALL, addToList, removeFromList } from './type-list.js';

export type ToggleAction = 'disable' | 'enable' | 'skip';

export interface CheckLists {
  disabled: string;
  skipped: string;
}

export function toggle(action: ToggleAction, current: CheckLists, types: string[] | typeof ALL): CheckLists {
  if (types === ALL) {
    if (action === 'disable') return { disabled: ALL, skipped: '' };
    if (action === 'skip') return { disabled: '', skipped: ALL };
    return { disabled: '', skipped: '' };
  }
  let { disabled, skipped } = current;
  for (const type of types) {
    if (action === 'disable' && disabled !== ALL) disabled = addToList(disabled, type);
    if (action === 'skip' && skipped !== ALL) skipped = addToList(skipped, type);
    if (action !== 'disable') disabled = removeFromList(disabled, type);
    if (action !== 'skip') skipped = removeFromList(skipped, type);
  }
  return { disabled, skipped };
}

/**
 * `_all_` cannot have single types taken out of it (the checks plugin does not know the app's
 * types), so enabling or skipping some types under it changes nothing: say so instead of
 * pretending.
 */
export function toggleWarning(action: ToggleAction, app: string, current: CheckLists, types: string[] | typeof ALL): string | undefined {
  if (types === ALL) return undefined;
  const named = types.join(',');
  if (action !== 'disable' && current.disabled === ALL) {
    return `Zero downtime stays disabled for ${named}: it is disabled for every process type (checks:enable ${app} enables all)`;
  }
  if (action === 'enable' && current.skipped === ALL) {
    return `Zero downtime checks stay skipped for ${named}: they are skipped for every process type (checks:enable ${app} enables all)`;
  }
  return undefined;
}

/** Dokku's header line for each action (the apostrophes are Dokku's). */
export function toggleMessage(action: ToggleAction, app: string, types: string[] | typeof ALL): string {
  const list = types === ALL ? '' : ` proctypes (${types.join(',')})`;
  if (action === 'enable') return `Enabling zero downtime for app's (${app})${list}`;
  const verb = action === 'disable' ? 'Disabling' : 'Skipping';
  return types === ALL ? `${verb} zero downtime for app (${app})` : `${verb} zero downtime for app's (${app})${list}`;
}
