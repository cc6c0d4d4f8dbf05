/**
 * Dokku's container labels, which every Docker scheduler writes and filters on, so Dokku's own
 * tooling (a `docker ps --filter label=com.dokku.app-name=<app>`) and each Pier scheduler find
 * the same containers and services; plus Pier's one label of its own that both share, the state
 * root. Scheduler-specific labels stay in their scheduler.
 */
import { canonicalRoot } from '../util/canonical-root.js';

export const LABEL_APP = 'com.dokku.app-name';
export const LABEL_PROCESS_TYPE = 'com.dokku.process-type';
export const LABEL_DYNO = 'com.dokku.dyno';
/** `deploy`, `run`, `cron`, `image-info`: what the container is for. */
export const LABEL_CONTAINER_TYPE = 'com.dokku.container-type';
/** Seconds after creation when run:retire may stop a one-off (`--ttl-seconds`), Dokku's label. */
export const LABEL_DEADLINE = 'com.dokku.active-deadline-seconds';

/**
 * Not Dokku's: the state root (PIER_ROOT) whose Pier created the container or service, as its
 * real path (readable in `docker inspect`, exact in a label filter; symlinks resolved, so one
 * directory is one root however it is spelled). The same key and value in every scheduler, so
 * one engine (or swarm) can serve several roots and each sees only its own.
 */
export const LABEL_ROOT = 'com.pier.root';
export const rootLabelValue = (root: string) => canonicalRoot(root);
