/**
 * The `disabled` / `skipped` values: `_all_`, or process types joined by commas (Dokku's
 * add_val_to_list / remove_val_from_list / is_val_in_list).
 */
import { UsageError } from '@pier/plugin-api';

export const ALL = '_all_';

/** The process type rule of a strict Procfile (a DNS label), so a typo is caught here. */
const PROCESS_TYPE = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;

export function splitList(list: string): string[] {
  return list.split(',').filter((item) => item !== '');
}

export const inList = (list: string, value: string) => splitList(list).includes(value);

export const addToList = (list: string, value: string) => (inList(list, value) ? list : [...splitList(list), value].join(','));

export const removeFromList = (list: string, value: string) =>
  splitList(list)
    .filter((item) => item !== value)
    .join(',');

/** The `[process-type(s)]` argument: undefined (or `_all_`) means every type. */
export function parseTypes(argument: string | undefined): string[] | typeof ALL {
  if (argument === undefined || argument === ALL) return ALL;
  const types = splitList(argument);
  if (types.length === 0) throw new UsageError(`Invalid process type list "${argument}"`);
  for (const type of types) {
    if (!PROCESS_TYPE.test(type) || type.length > 63) throw new UsageError(`Invalid process type ${type}`);
  }
  return types;
}
