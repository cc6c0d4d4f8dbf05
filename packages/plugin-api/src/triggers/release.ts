import { defineTrigger } from '../bus/define-trigger.js';

/**
 * Kind: first. Provided by: `@pier/checks`. Invoked by: the deploy plugin while building a release.
 * Without a provider the deploy uses Dokku's defaults (checks enabled, 60 s wait-to-retire, 10 s
 * default uptime check).
 */
export const releaseChecks = defineTrigger({
  id: 'release:checks',
  kind: 'first',
  description: 'Zero-downtime check settings of an app for a release.',
  since: '0.1.0',
  schemas: (z) => ({
    input: z.object({ app: z.string().min(1), processTypes: z.array(z.string()) }),
    output: z.object({
      modes: z.record(z.string(), z.enum(['enabled', 'disabled', 'skipped'])),
      waitToRetireSeconds: z.number().int().nonnegative(),
      defaultUptimeSeconds: z.number().int().nonnegative(),
    }),
  }),
});
