import { defineTrigger } from '../bus/define-trigger.js';

/**
 * Kind: keyed by command name (`scheduler:report`, `apps`, ...). Invoked by: the CLI, once per
 * invocation. The handler writes through its context's output and returns the exit status when it
 * is not 0 (`run` and `enter` pass the container's status through); failures are thrown as
 * PierErrors. Registered with `registerCommands`.
 */
export const commandRun = defineTrigger({
  id: 'command:run',
  kind: 'keyed',
  description: 'Run one CLI command.',
  since: '0.1.0',
  schemas: (z) => ({
    input: z.object({
      command: z.string(),
      args: z.array(z.string()),
      /** The global `--force` flag (skip confirmations). */
      force: z.boolean(),
    }),
    output: z.union([z.undefined(), z.object({ exitCode: z.number().int().min(0).max(255) })]),
  }),
});

/** Kind: collect. Invoked by: `pier help`, `pier <topic>:help`. One entry per help topic a plugin owns. */
export const commandHelp = defineTrigger({
  id: 'command:help',
  kind: 'collect',
  description: 'Help texts of every command topic.',
  since: '0.1.0',
  schemas: (z) => ({
    input: z.object({}),
    output: z.object({
      topic: z.string(),
      description: z.string(),
      commands: z.array(z.object({ usage: z.string(), description: z.string() })),
      /** Which Dokku help layout to copy (see CommandTopic.helpStyle); `go` when left out. */
      style: z.enum(['go', 'bash']).optional(),
    }),
  }),
});
