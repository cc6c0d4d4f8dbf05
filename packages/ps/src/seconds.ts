import { ErrorCodes, PierError } from '@pier/plugin-api';

const WHOLE_SECONDS = /^\d+$/;

export function isWholeSeconds(value: string): boolean {
  return WHOLE_SECONDS.test(value);
}

/**
 * A duration property as the Release needs it. ps:set refuses bad values, so this only fails for
 * a property file edited by hand; the message says which one to fix.
 */
export function parseSeconds(property: string, value: string): number {
  if (!isWholeSeconds(value)) {
    throw new PierError(ErrorCodes.PROPERTY_INVALID, `Invalid ${property} "${value}": must be a whole number of seconds`);
  }
  return Number(value);
}
