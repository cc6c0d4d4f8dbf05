/**
 * The scale ("formation") of an app: how many instances of each process type run. Stored as
 * Dokku's `ps/<app>/scale` list property (`web=1\nworker=0\n`). The merge rules are Dokku's
 * `updateScale` (§4.2), with one Pier rule added: without a Procfile the only process type is
 * `web`, which runs the image's own command.
 */
import { ErrorCodes, PierError, UsageError } from '@pier/plugin-api';
import { AppJsonError } from './app-json.js';
import { isValidProcessType } from './procfile-parser.js';

/** Process type → quantity, in no particular order (serialized sorted). */
export type Scale = ReadonlyMap<string, number>;

/** What a new app runs before anything says otherwise (Dokku's ps post-create). */
export const INITIAL_SCALE: Scale = new Map([['web', 1]]);

/** The process types an image defines: its Procfile's, or just `web` without one. */
export function processTypesOf(procfileTypes: readonly string[] | null): string[] {
  return procfileTypes === null ? ['web'] : [...procfileTypes];
}

const byType = ([a]: [string, number], [b]: [string, number]) => (a < b ? -1 : a > b ? 1 : 0);

export function sortedScale(scale: Scale): [string, number][] {
  return [...scale].sort(byType);
}

export function serializeScale(scale: Scale): string {
  return sortedScale(scale)
    .map(([type, quantity]) => `${type}=${quantity}\n`)
    .join('');
}

/** Reads the stored list; a line that is not `type=count` means the state was edited by hand. */
export function parseScale(text: string): Map<string, number> {
  const scale = new Map<string, number>();
  for (const line of text.split('\n')) {
    if (line.trim() === '') continue;
    const match = /^([^=\s]+)=(\d+)$/.exec(line.trim());
    if (!match) throw new PierError(ErrorCodes.COMMAND_FAILED, `Invalid entry "${line}" in the ps scale property`);
    if (!scale.has(match[1]!)) scale.set(match[1]!, Number(match[2]));
  }
  return scale;
}

/**
 * `ps:scale` arguments (`web=2 worker=1`), with Dokku's messages. The first of duplicate types
 * wins. Unlike Dokku, negative counts and names no Procfile could define are refused here.
 */
export function parseScaleTuples(tuples: readonly string[]): Map<string, number> {
  const updates = new Map<string, number>();
  for (const tuple of tuples) {
    const separator = tuple.indexOf('=');
    if (separator === -1) throw new UsageError(`Missing count for process type ${tuple}`);
    const type = tuple.slice(0, separator).trim();
    const count = tuple.slice(separator + 1).trim();
    if (!/^\d+$/.test(count)) throw new UsageError(`Invalid count for process type ${tuple.slice(0, separator)}`);
    if (!isValidProcessType(type)) throw new UsageError(`${type} is not a valid process name to scale up`);
    if (!updates.has(type)) updates.set(type, Number(count));
  }
  return updates;
}

export interface ScaleUpdate {
  current: Scale;
  updates: Scale;
  /** The process types of the deployed image, or null when unknown (never deployed). */
  validTypes: readonly string[] | null;
  /** Replace the scale with `updates` instead of merging (an app.json formation owns the scale). */
  clearExisting?: boolean;
}

/**
 * Dokku's updateScale: updates first, then the current entries, then every valid type still
 * missing at 0. Scaling a type the image does not define above 0 is refused; such a type left at
 * 0 is dropped (Dokku parks it in `scale.old` until the deploy finishes, which is the same thing
 * once the deploy succeeds, and Pier only saves the scale then). A type that is no longer defined
 * but still above 0 is kept, so a Procfile typo does not silently lose the user's scale.
 */
export function updateScale({ current, updates, validTypes, clearExisting = false }: ScaleUpdate): Map<string, number> {
  const valid = validTypes === null ? null : new Set(validTypes);
  for (const [type, quantity] of updates) {
    if (valid !== null && !valid.has(type) && quantity !== 0) {
      throw new UsageError(`${type} is not a valid process name to scale up`);
    }
  }
  const merged = new Map(updates);
  if (!clearExisting) for (const [type, quantity] of current) if (!merged.has(type)) merged.set(type, quantity);
  for (const type of valid ?? []) if (!merged.has(type)) merged.set(type, 0);
  if (valid !== null) for (const [type, quantity] of merged) if (!valid.has(type) && quantity === 0) merged.delete(type);
  return merged;
}

export interface DeployFormation {
  scale: Map<string, number>;
  /** False when the app.json formation sets quantities: ps:scale is then refused. */
  canScale: boolean;
}

/** The scale a new image deploys with: the current one brought in line with its Procfile and app.json. */
export function formationForDeploy(current: Scale, procfileTypes: readonly string[] | null, quantities: Scale | undefined): DeployFormation {
  const validTypes = processTypesOf(procfileTypes);
  if (quantities === undefined) return { scale: updateScale({ current, updates: new Map(), validTypes }), canScale: true };
  for (const [type, quantity] of quantities) {
    if (quantity !== 0 && !validTypes.includes(type)) {
      const source = procfileTypes === null ? 'the image has no Procfile, so only web runs' : `the Procfile defines ${validTypes.join(', ')}`;
      throw new AppJsonError(`formation.${type} is not a process type of the image (${source})`);
    }
  }
  return { scale: updateScale({ current, updates: quantities, validTypes, clearExisting: true }), canScale: false };
}

/**
 * The types whose quantity `ps:scale` changes (absent counts as 0): only those are redeployed. A
 * type dropped from the scale (scaled to 0 while the image lacks it) changed if it ran before.
 */
export function changedTypes(before: Scale, after: Scale, requested: Iterable<string>): string[] {
  return [...requested].filter((type) => (before.get(type) ?? 0) !== (after.get(type) ?? 0));
}
