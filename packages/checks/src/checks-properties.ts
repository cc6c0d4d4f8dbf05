import { defineProperties } from '@pier/plugin-api';

/**
 * Dokku's checks properties. `disabled` and `skipped` hold `_all_` or a comma-separated list of
 * process types; they are changed with checks:disable|enable|skip, not checks:set. `default-wait`
 * (the uptime check used when a type has no healthchecks) is a host-wide setting only.
 */
export const checksProperties = defineProperties('checks', {
  'default-wait': { default: '10', global: true },
  'wait-to-retire': { default: '60', global: true },
  disabled: { public: false },
  skipped: { public: false },
});

/** Keys that only exist for `--global`. */
export const GLOBAL_ONLY_KEYS: readonly string[] = ['default-wait'];
