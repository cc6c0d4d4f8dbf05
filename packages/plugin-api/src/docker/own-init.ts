/**
 * Dokku's init-process fallback, the same in every Docker scheduler: a container gets `--init`
 * unless its image brings its own init, as linuxserver.io images do (s6).
 */
export const OWN_INIT_VENDOR = 'linuxserver.io';
