import { defineTrigger, type Zod } from '../bus/define-trigger.js';

/** Plugin names and property keys are path segments on disk, so they are restricted. */
export const PROPERTY_PLUGIN_PATTERN = /^[a-z0-9][a-z0-9-]*$/;
export const PROPERTY_KEY_PATTERN = /^[a-z0-9][a-z0-9._-]*$/;
/** An app name or `--global`. */
export const PROPERTY_SCOPE_PATTERN = /^(--global|[a-z0-9][a-z0-9._-]*)$/;

const address = (z: Zod) =>
  z.object({
    plugin: z.string().regex(PROPERTY_PLUGIN_PATTERN),
    scope: z.string().regex(PROPERTY_SCOPE_PATTERN),
    key: z.string().regex(PROPERTY_KEY_PATTERN),
  });

/** Kind: first. Provided by: `@pier/core-properties`. The raw value, or undefined when unset. */
export const propertyGet = defineTrigger({
  id: 'property:get',
  kind: 'first',
  description: 'Read one property of a plugin for an app or --global.',
  since: '0.1.0',
  schemas: (z) => ({ input: address(z), output: z.string().optional() }),
});

/** Kind: first. Provided by: `@pier/core-properties`. An empty value deletes the property (Dokku's "set empty = clear"). */
export const propertySet = defineTrigger({
  id: 'property:set',
  kind: 'first',
  description: 'Write (or, with an empty value, delete) one property.',
  since: '0.1.0',
  schemas: (z) => ({ input: address(z).extend({ value: z.string() }), output: z.literal(true) }),
});

/** Kind: first. Provided by: `@pier/core-properties`. Every set property of a plugin for one scope. */
export const propertyGetAll = defineTrigger({
  id: 'property:get-all',
  kind: 'first',
  description: 'Read all properties of a plugin for an app or --global.',
  since: '0.1.0',
  schemas: (z) => ({
    input: address(z).omit({ key: true }),
    output: z.record(z.string(), z.string()),
  }),
});
