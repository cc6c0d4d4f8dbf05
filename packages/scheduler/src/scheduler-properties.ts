import { defineProperties } from '@pier/plugin-api';

/**
 * Dokku's scheduler properties. `selected` computes to `docker-local` when neither the app nor
 * --global sets it; `shell` has no default in reports (commands fall back to /bin/bash).
 */
export const schedulerProperties = defineProperties('scheduler', {
  selected: { default: 'docker-local', global: true },
  shell: { default: '', global: true },
});
