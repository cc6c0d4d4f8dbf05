/**
 * What Dokku prints around a release-and-deploy besides the scheduler's own output: the release
 * step (`-----> Releasing <app>...`, then the checks plugin's post-release-builder notice) before
 * the deploy, and the app's URLs after `=====> Application deployed:`.
 */
import type { Output } from '@pier/plugin-api';
import { runnableTypes } from './build-release.js';
import type { ParsedSource } from './ps-state.js';

/** Dokku's DOKKU_CHECKS_URL default; `PIER_CHECKS_URL` points the notice elsewhere. */
export const DEFAULT_CHECKS_URL = 'https://dokku.com/docs/deployment/zero-downtime-deploys/';

export function announceRelease(log: Output, app: string, source: ParsedSource, env: Readonly<Record<string, string | undefined>>): void {
  log.info1(`Releasing ${app}...`);
  log.info2('Processing deployment checks');
  // The notice is about web's checks: an image without web has none to add.
  if (!runnableTypes(source).includes('web')) return;
  if ((source.appJson.healthchecks.get('web') ?? []).length > 0) return;
  const url = env.PIER_CHECKS_URL || DEFAULT_CHECKS_URL;
  log.verbose('No web healthchecks found in app.json. Simple container checks will be performed.');
  log.verbose(`For more efficient zero downtime deployments, add healthchecks to your app.json. See ${url} for examples`);
}

/** Each URL indented as Dokku indents them, then a blank line. */
export function announceDeployed(log: Output, urls: readonly string[]): void {
  log.info2('Application deployed:');
  for (const url of urls) log.verbose(url);
  log.line('');
}
