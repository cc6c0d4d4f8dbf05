import { GLOBAL_SCOPE, LEGACY_APP_NAME_PATTERN } from '../apps/app-name.js';
import { defineTrigger, type Zod } from '../bus/define-trigger.js';
import { appStatusSchema, releaseSchema } from '../scheduler/release.js';

/*
 * The scheduler contract: keyed triggers, one handler per scheduler name. The host dispatches
 * each call to the app's selected scheduler only (see dispatchToScheduler); a scheduler that does
 * not tap a trigger does not support that command. Every trigger is "Since 0.1.0" and, as in
 * Dokku, may still change before 1.0.
 */

// The rule of the app:* triggers. Schedulers use app names as file, container and resource
// names, so a name like `../x` from an embedding program or another plugin must never reach one.
const app = (z: Zod) => z.string().regex(LEGACY_APP_NAME_PATTERN, 'must be a valid app name');
const appInput = (z: Zod) => z.object({ app: app(z) });
const appOrGlobalInput = (z: Zod) => z.object({ app: z.union([app(z), z.literal(GLOBAL_SCOPE)]) });
const optionalAppInput = (z: Zod) => z.object({ app: app(z).optional() });
const exitStatus = (z: Zod) => z.object({ exitCode: z.number().int().min(0).max(255) });

/** Kind: first. Provided by `@pier/scheduler`. The selected scheduler: app → --global → `docker-local`. */
export const schedulerDetect = defineTrigger({
  id: 'scheduler:detect',
  kind: 'first',
  description: 'Name the scheduler selected for an app (or --global).',
  since: '0.1.0',
  schemas: (z) => ({ input: appOrGlobalInput(z), output: z.string() }),
});

/** Kind: keyed. Tapped by `defineScheduler` for every scheduler; its keys are the installed schedulers. */
export const schedulerInfo = defineTrigger({
  id: 'scheduler:info',
  kind: 'keyed',
  description: 'Describe an installed scheduler.',
  since: '0.1.0',
  schemas: (z) => ({
    input: z.object({}),
    output: z.object({ plugin: z.string(), description: z.string() }),
  }),
});

/**
 * Kind: keyed. Invoked by: `deploy` and `ps:rebuild`, before building a release (see inspectImage).
 * Reads the Procfile and app.json inside the image. Optional: for a scheduler without it the deploy
 * uses the reference as the id and reads nothing (web runs the image's own command).
 */
export const schedulerImageInfo = defineTrigger({
  id: 'scheduler:image-info',
  kind: 'keyed',
  description: 'Inspect an image: its id and the Procfile and app.json in its working directory.',
  since: '0.1.0',
  schemas: (z) => ({
    input: z.object({ app: app(z), image: z.string().min(1) }),
    output: z.object({ id: z.string(), procfile: z.string().nullable(), appJson: z.string().nullable() }),
  }),
});

/** Kind: keyed. Invoked by: `deploy`, `ps:scale`, `ps:restart`, `ps:start`, `ps:rebuild`. Throws when the deploy fails; old processes must keep running then. */
export const schedulerDeploy = defineTrigger({
  id: 'scheduler:deploy',
  kind: 'keyed',
  description: 'Start the processes of a release, replacing the running ones without downtime.',
  since: '0.1.0',
  schemas: (z) => ({
    input: z.object({ app: app(z), release: releaseSchema(z), processType: z.string().optional() }),
    output: z.void(),
  }),
});

/** Kind: keyed. Invoked by: `ps:report`, deploy checks. */
export const schedulerIsDeployed = defineTrigger({
  id: 'scheduler:is-deployed',
  kind: 'keyed',
  description: 'Whether the app has been deployed on this scheduler.',
  since: '0.1.0',
  schemas: (z) => ({ input: appInput(z), output: z.boolean() }),
});

/** Kind: keyed. Invoked by: `ps:report`, `ps:start`. */
export const schedulerAppStatus = defineTrigger({
  id: 'scheduler:app-status',
  kind: 'keyed',
  description: 'Process count, running state and per-instance states of an app.',
  since: '0.1.0',
  schemas: (z) => ({ input: appInput(z), output: appStatusSchema(z) }),
});

/** Kind: keyed. Invoked by: `ps:stop` (removeContainers false), `apps:destroy` (true). */
export const schedulerStop = defineTrigger({
  id: 'scheduler:stop',
  kind: 'keyed',
  description: 'Stop the processes of an app (of one type), optionally removing them.',
  since: '0.1.0',
  schemas: (z) => ({
    input: z.object({ app: app(z), removeContainers: z.boolean(), processType: z.string().optional() }),
    output: z.void(),
  }),
});

/** Kind: keyed. Invoked by: `apps:destroy`, after stop. */
export const schedulerPostDelete = defineTrigger({
  id: 'scheduler:post-delete',
  kind: 'keyed',
  description: 'Remove everything the scheduler keeps for a destroyed app.',
  since: '0.1.0',
  schemas: (z) => ({ input: appInput(z), output: z.void() }),
});

/** Kind: keyed. Invoked by: `ps:retire`, `apps:destroy`. Removes retired containers whose grace period is over. */
export const schedulerRetire = defineTrigger({
  id: 'scheduler:retire',
  kind: 'keyed',
  description: 'Remove retired processes (of one app, or all).',
  since: '0.1.0',
  schemas: (z) => ({ input: optionalAppInput(z), output: z.void() }),
});

/** Kind: keyed. Invoked by: schedulers and builders that leave containers behind. */
export const schedulerRegisterRetired = defineTrigger({
  id: 'scheduler:register-retired',
  kind: 'keyed',
  description: 'Queue a container for removal after a grace period.',
  since: '0.1.0',
  schemas: (z) => ({
    input: z.object({ app: app(z), containerId: z.string().min(1), waitSeconds: z.number().int().nonnegative() }),
    output: z.void(),
  }),
});

/** Kind: keyed. Invoked by: `run`, `run:detached`. Returns the command's exit status (attached) or the container name (detached). */
export const schedulerRun = defineTrigger({
  id: 'scheduler:run',
  kind: 'keyed',
  description: 'Run a one-off process from the deployed image.',
  since: '0.1.0',
  schemas: (z) => ({
    input: z.object({
      app: app(z),
      command: z.array(z.string()),
      /** `-e KEY=VALUE` pairs, passed literally. */
      env: z.record(z.string(), z.string()),
      detach: z.boolean(),
      tty: z.boolean(),
      /** Seconds after which run:retire may stop the process; 0: at the next sweep (Dokku's `^[0-9]+$`). */
      ttlSeconds: z.number().int().nonnegative(),
    }),
    output: exitStatus(z).extend({ container: z.string().optional() }),
  }),
});

/**
 * Kind: keyed. Invoked by: `run:list`. `null`: the scheduler keeps no one-off processes, and
 * run:list prints nothing (Dokku's null scheduler); `[]`: it keeps them, there are none now.
 * `createdAt` is the creation time, ISO 8601 (`2026-12-01T20:07:33Z`; a scheduler written when
 * it was a relative text still works, its text is shown as it is); `runningFor` is the CREATED
 * column of the table, relative (`2 minutes ago`), `createdAt` when left out.
 */
export const schedulerRunList = defineTrigger({
  id: 'scheduler:run-list',
  kind: 'keyed',
  description: 'List the one-off processes of an app.',
  since: '0.1.0',
  schemas: (z) => ({
    input: appInput(z),
    output: z
      .array(z.object({ name: z.string(), state: z.string(), command: z.string(), createdAt: z.string(), runningFor: z.string().optional() }))
      .nullable(),
  }),
});

/** Kind: keyed. Invoked by: `run:logs`. Streams to the scheduler's output. */
export const schedulerRunLogs = defineTrigger({
  id: 'scheduler:run-logs',
  kind: 'keyed',
  description: 'Print the output of one-off processes.',
  since: '0.1.0',
  schemas: (z) => ({
    input: z.object({
      app: app(z),
      container: z.string().optional(),
      follow: z.boolean(),
      num: z.number().int().nonnegative(),
      quiet: z.boolean(),
      color: z.boolean().optional(),
    }),
    output: z.void(),
  }),
});

/** Kind: keyed. Invoked by: `run:stop`. */
export const schedulerRunStop = defineTrigger({
  id: 'scheduler:run-stop',
  kind: 'keyed',
  description: 'Stop one or all one-off processes of an app.',
  since: '0.1.0',
  schemas: (z) => ({ input: z.object({ app: app(z), container: z.string().optional() }), output: z.void() }),
});

/** Kind: keyed. Invoked by: `run:retire`, `ps:retire`. Stops and removes one-off processes past their TTL. */
export const schedulerRunRetire = defineTrigger({
  id: 'scheduler:run-retire',
  kind: 'keyed',
  description: 'Retire one-off processes past their time to live.',
  since: '0.1.0',
  schemas: (z) => ({ input: optionalAppInput(z), output: z.void() }),
});

/** Kind: keyed. Invoked by: `logs`. Streams to the scheduler's output. */
export const schedulerLogs = defineTrigger({
  id: 'scheduler:logs',
  kind: 'keyed',
  description: 'Print (or follow) the output of an app’s processes.',
  since: '0.1.0',
  schemas: (z) => ({
    input: z.object({
      app: app(z),
      processType: z.string().optional(),
      follow: z.boolean(),
      num: z.number().int().nonnegative(),
      /** Raw lines, no prefixes (Dokku's `-q`). */
      quiet: z.boolean(),
      /** Colour the prefixes (the caller decided: a terminal, and NO_COLOR unset). */
      color: z.boolean().optional(),
    }),
    output: z.void(),
  }),
});

/** Kind: keyed. Invoked by: `logs:failed`. */
export const schedulerLogsFailed = defineTrigger({
  id: 'scheduler:logs-failed',
  kind: 'keyed',
  description: 'Print the output of the containers of the last failed deploy.',
  since: '0.1.0',
  schemas: (z) => ({ input: appInput(z), output: z.void() }),
});

/** Kind: keyed. Invoked by: `enter`. Returns the exit status of the command run inside the process. */
export const schedulerEnter = defineTrigger({
  id: 'scheduler:enter',
  kind: 'keyed',
  description: 'Run a command inside a running process of an app.',
  since: '0.1.0',
  schemas: (z) => ({
    input: z.object({
      app: app(z),
      /** `web` or `web.2`; omitted when the app has a single process type. */
      processType: z.string().optional(),
      containerId: z.string().optional(),
      command: z.array(z.string()),
      tty: z.boolean(),
    }),
    output: exitStatus(z),
  }),
});

/** Kind: keyed. Invoked by: `ps:inspect`. Secret environment values must come back masked. */
export const schedulerInspect = defineTrigger({
  id: 'scheduler:inspect',
  kind: 'keyed',
  description: 'Low-level details of every process of an app, secrets masked.',
  since: '0.1.0',
  schemas: (z) => ({ input: appInput(z), output: z.array(z.record(z.string(), z.unknown())) }),
});

/** Kind: keyed. Invoked by: `ps:restore`, before restarting apps after a reboot. */
export const schedulerPreRestore = defineTrigger({
  id: 'scheduler:pre-restore',
  kind: 'keyed',
  description: 'Clean up leftovers before apps are restored.',
  since: '0.1.0',
  schemas: (z) => ({ input: appInput(z), output: z.void() }),
});
