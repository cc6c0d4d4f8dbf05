import type { Clock } from '@pier/plugin-api';

/** The clock's time in whole Unix seconds, as the retire files and Docker's labels keep it. */
export const unixSeconds = (clock: Clock) => Math.floor(clock.now() / 1000);
