import { ErrorCodes, PierError } from '@pier/plugin-api';

export const isWholeSeconds = (value: string) => /^\d+$/.test(value);

/** checks:set refuses bad values; this only fails for a property file edited by hand, and says which. */
export function parseSeconds(property: string, value: string): number {
  if (!isWholeSeconds(value)) {
    throw new PierError(ErrorCodes.PROPERTY_INVALID, `Invalid checks ${property} "${value}": must be a whole number of seconds`);
  }
  return Number(value);
}
