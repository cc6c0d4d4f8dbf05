export { systemClock, type Clock } from '@pier/plugin-api';
