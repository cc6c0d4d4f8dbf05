import type { z } from 'zod';

/**
 * How the handlers of one trigger are combined (Rollup's hook kinds, tapable's hook classes):
 * - `notify`: every handler runs, in stage order, each awaited; results are ignored.
 * - `collect`: every handler runs, in stage order; the results are returned as an array.
 * - `first`: handlers run in stage order until one returns something other than `undefined`.
 * - `keyed`: exactly one handler per key (e.g. a scheduler name); the caller names the key.
 */
export type TriggerKind = 'notify' | 'collect' | 'first' | 'keyed';

/** `'<owner>:<event>'` in kebab case, e.g. `'scheduler:deploy'`. Used for logs, docs and errors, never for dispatch. */
export type TriggerId = `${string}:${string}`;

/** The `z` namespace of zod, handed to schema factories so zod itself loads only when validation runs. */
export type Zod = typeof z;

export interface TriggerSchemas<In extends z.ZodType, Out extends z.ZodType> {
  readonly input: In;
  readonly output: Out;
}

/**
 * A typed trigger token. Call sites import the token; its generic parameters type the handlers
 * and the dispatch, and its schemas validate data crossing a trust boundary at run time.
 *
 * Schemas are built lazily by `schemas(z)`: importing zod costs ~110 ms, more than the whole
 * start-up budget of a property command, so zod is loaded only when a value is actually
 * validated (third-party plugins, tests). Trigger schemas must not transform values: the type a
 * handler receives is the type the caller sent.
 */
export interface Trigger<K extends TriggerKind, In extends z.ZodType, Out extends z.ZodType> {
  readonly $$type: '@pier/trigger';
  readonly id: TriggerId;
  readonly kind: K;
  /** One sentence; rendered into the trigger reference. */
  readonly description: string;
  /** Plugin-api version that introduced the trigger. */
  readonly since: string;
  readonly schemas: (z: Zod) => TriggerSchemas<In, Out>;
}

// `any` here is deliberate: these aliases are upper bounds for generic constraints.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyTrigger = Trigger<TriggerKind, any, any>;
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type TriggerOfKind<K extends TriggerKind> = Trigger<K, any, any>;

export type InputOf<T extends AnyTrigger> = T extends Trigger<TriggerKind, infer In, z.ZodType> ? z.infer<In> : never;
export type OutputOf<T extends AnyTrigger> = T extends Trigger<TriggerKind, z.ZodType, infer Out> ? z.infer<Out> : never;

export interface TriggerDefinition<K extends TriggerKind, In extends z.ZodType, Out extends z.ZodType> {
  id: TriggerId;
  kind: K;
  description: string;
  since: string;
  schemas: (z: Zod) => TriggerSchemas<In, Out>;
}

const TRIGGER_ID = /^[a-z][a-z0-9-]*:[a-z][a-z0-9-]*$/;

/** Declares a trigger token. Third-party plugins use this for triggers of their own. */
export function defineTrigger<const K extends TriggerKind, In extends z.ZodType, Out extends z.ZodType>(
  definition: TriggerDefinition<K, In, Out>,
): Trigger<K, In, Out> {
  if (!TRIGGER_ID.test(definition.id)) {
    throw new TypeError(`trigger id "${definition.id}" must look like "owner:event" in kebab case`);
  }
  return Object.freeze({ $$type: '@pier/trigger' as const, ...definition });
}

export function isTrigger(value: unknown): value is AnyTrigger {
  return typeof value === 'object' && value !== null && (value as { $$type?: unknown }).$$type === '@pier/trigger';
}
