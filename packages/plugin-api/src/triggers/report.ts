import { defineTrigger } from '../bus/define-trigger.js';

/**
 * Kind: keyed by report section (`scheduler`, `ps`, `app`, ...). Invoked by: `@pier/report` for
 * `<section>:report` and `pier report`. Returns every flag of the section (`--scheduler-selected`
 * → value) for an app, or for `--global` when the section has global keys.
 */
export const reportCollect = defineTrigger({
  id: 'report:collect',
  kind: 'keyed',
  description: 'The report values of one section for an app or --global.',
  since: '0.1.0',
  schemas: (z) => ({
    input: z.object({ app: z.string() }),
    output: z.object({
      flags: z.record(z.string().regex(/^--[a-z0-9]/), z.string()),
      /** JSON keys lose the `--<section>-` prefix. */
      trimPrefix: z.boolean(),
      /** JSON also carries the prefixed keys (Dokku's 0.38 deprecation window). */
      emitLegacyPrefix: z.boolean(),
    }),
  }),
});

/**
 * Kind: first. Provided by: `@pier/report`. Invoked by: every `<section>:report` command with its
 * raw arguments; parses `[<app>|--global] [--format stdout|json] [<flag>]` and prints.
 */
export const reportRender = defineTrigger({
  id: 'report:render',
  kind: 'first',
  description: 'Parse report arguments and print a section report.',
  since: '0.1.0',
  schemas: (z) => ({
    input: z.object({
      section: z.string().regex(/^[a-z0-9][a-z0-9-]*$/),
      args: z.array(z.string()),
      /** Whether `--global` is accepted. */
      global: z.boolean(),
      /** The command name for messages, when it is not `<section>:report` (e.g. `apps:report`). */
      command: z.string().optional(),
    }),
    output: z.literal(true),
  }),
});
