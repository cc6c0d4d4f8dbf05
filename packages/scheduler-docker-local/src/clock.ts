import type { Clock } from '@pier/plugin-api';

export { systemClock, type Clock } from '@pier/plugin-api';

export const unixSeconds = (clock: Clock) => Math.floor(clock.now() / 1000);
