/**
 * Turns what ps knows about an app (its release source, scale and properties, plus the check
 * settings) into the Release a scheduler deploys. Pure, so every rule is testable in a table.
 */
import type { ProcessSpec, Release } from '@pier/plugin-api';
import type { CheckSettings } from './check-settings.js';
import { sortedScale, type Scale } from './formation.js';
import type { ParsedSource } from './ps-state.js';

export interface ReleaseSettings {
  restartPolicy: string;
  stopTimeoutSeconds: number;
  /** ps `dockerfile-start-cmd`: replaces the command of every type (Dokku, for image deploys). */
  dockerfileStartCmd: string;
  checks: CheckSettings;
}

export interface BuiltRelease {
  release: Release;
  /** Scaled types the image does not define: they are left out of the release (and warned about). */
  skipped: string[];
}

/** The process types a release can run: the Procfile's, or `web` alone (the image's command). */
export function runnableTypes(source: ParsedSource): string[] {
  return source.procfile === null ? ['web'] : [...source.procfile.keys()];
}

function commandFor(source: ParsedSource, type: string, settings: ReleaseSettings): string | null {
  if (settings.dockerfileStartCmd !== '') return settings.dockerfileStartCmd;
  return source.procfile?.get(type) ?? null;
}

export function buildRelease(source: ParsedSource, scale: Scale, settings: ReleaseSettings): BuiltRelease {
  const runnable = new Set(runnableTypes(source));
  const processes: ProcessSpec[] = [];
  const skipped: string[] = [];
  for (const [type, quantity] of sortedScale(scale)) {
    if (!runnable.has(type)) {
      if (quantity > 0) skipped.push(type);
      continue;
    }
    const formation = source.appJson.formation.get(type);
    processes.push({
      type,
      quantity,
      command: commandFor(source, type, settings),
      maxParallel: formation?.maxParallel ?? 1,
      healthchecks: [...(source.appJson.healthchecks.get(type) ?? [])],
      checks: settings.checks.modes[type] ?? 'enabled',
    });
  }
  const release: Release = {
    image: source.image,
    processes,
    // Config vars are not implemented yet; the scheduler adds DYNO and PORT itself.
    env: {},
    restartPolicy: settings.restartPolicy,
    stopTimeoutSeconds: settings.stopTimeoutSeconds,
    waitToRetireSeconds: settings.checks.waitToRetireSeconds,
    defaultUptimeSeconds: settings.checks.defaultUptimeSeconds,
  };
  // The formation still runs them: the scheduler must leave their processes alone (Dokku skips
  // the type and keeps its state), not take them for types that are gone.
  if (skipped.length > 0) release.retainedTypes = skipped;
  return { release, skipped };
}

/**
 * A type the image does not define, in a release for that type alone: quantity 0, so the
 * scheduler retires whatever still runs of it (`ps:scale web=0` after an image without web).
 */
export function removalSpec(type: string): ProcessSpec {
  return { type, quantity: 0, command: null, maxParallel: 1, healthchecks: [], checks: 'enabled' };
}
