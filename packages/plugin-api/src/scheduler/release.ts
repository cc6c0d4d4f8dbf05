import type { z } from 'zod';
import type { Zod } from '../bus/define-trigger.js';

/**
 * One app.json healthcheck, in Dokku's format (`healthchecks.<process-type>[]`). Exactly one of
 * `path` (HTTP GET), `command` (run inside the container), `listening` (TCP port accepts) or
 * `uptime` (container stays up N seconds) says what is checked.
 */
export const healthcheckSchema = (z: Zod) =>
  z.object({
    type: z.enum(['startup', 'liveness', 'readiness']).optional(),
    name: z.string().optional(),
    description: z.string().optional(),
    path: z.string().optional(),
    content: z.string().optional(),
    command: z.array(z.string()).optional(),
    listening: z.boolean().optional(),
    uptime: z.number().int().nonnegative().optional(),
    port: z.number().int().positive().optional(),
    scheme: z.enum(['http', 'https']).optional(),
    initialDelay: z.number().nonnegative().optional(),
    timeout: z.number().positive().optional(),
    wait: z.number().nonnegative().optional(),
    attempts: z.number().int().positive().optional(),
    warn: z.boolean().optional(),
  });

/** One process type of a release: what to run and how many. */
export const processSpecSchema = (z: Zod) =>
  z.object({
    type: z.string().regex(/^[a-zA-Z0-9][a-zA-Z0-9_-]*$/),
    quantity: z.number().int().nonnegative(),
    /** The Procfile command (with `$PORT` unsubstituted), or null to run the image's own command. */
    command: z.string().nullable(),
    /** app.json `formation.<type>.max_parallel`: how many instances start at once. */
    maxParallel: z.number().int().positive(),
    healthchecks: z.array(healthcheckSchema(z)),
    /** `checks:disable` → stop old containers first; `checks:skip` → no checks; otherwise check. */
    checks: z.enum(['enabled', 'disabled', 'skipped']),
  });

/**
 * Everything a scheduler needs to run an app, computed by the scheduler-agnostic plugins (ps,
 * checks) so every scheduler receives the same, validated description.
 */
export const releaseSchema = (z: Zod) =>
  z.object({
    /** The image reference as deployed (`pier deploy <app> <image>`). */
    image: z.string().min(1),
    processes: z.array(processSpecSchema(z)),
    env: z.record(z.string(), z.string()),
    /** Docker restart policy: `no`, `always`, `unless-stopped`, `on-failure[:N]`. */
    restartPolicy: z.string(),
    stopTimeoutSeconds: z.number().int().nonnegative(),
    /** Seconds old containers keep running after SIGTERM before they are stopped. */
    waitToRetireSeconds: z.number().int().nonnegative(),
    /** Uptime check (seconds) used for a process type without healthchecks. */
    defaultUptimeSeconds: z.number().int().nonnegative(),
    /**
     * Process types the formation still runs but this image does not define (Dokku's "Skipping
     * <type> as it is missing from the current Procfile"): their running processes are left as
     * they are, neither replaced nor removed as "no longer defined". Since 0.1.x; absent = none.
     */
    retainedTypes: z.array(z.string()).optional(),
  });

export type Healthcheck = z.infer<ReturnType<typeof healthcheckSchema>>;
export type ProcessSpec = z.infer<ReturnType<typeof processSpecSchema>>;
export type Release = z.infer<ReturnType<typeof releaseSchema>>;

/** `running` as Dokku prints it: all, none or some of the containers run. */
export const runningStateSchema = (z: Zod) => z.enum(['true', 'false', 'mixed']);

export const appStatusSchema = (z: Zod) =>
  z.object({
    processes: z.number().int().nonnegative(),
    running: runningStateSchema(z),
    /**
     * Per process instance, e.g. `{ dyno: 'web.1', state: 'running', id: '…' }`; empty when the
     * scheduler has no such notion. `url`: where that instance answers, when it can be reached
     * on its own (docker-local's host-mode web containers); since 0.1.x.
     */
    containers: z.array(z.object({ dyno: z.string(), state: z.string(), id: z.string(), url: z.string().optional() })),
    /**
     * Where the app can be reached, printed after `=====> Application deployed:` (Dokku's app
     * URLs). Since 0.1.x; absent or empty when the scheduler knows none.
     */
    urls: z.array(z.string()).optional(),
  });

export type AppStatus = z.infer<ReturnType<typeof appStatusSchema>>;
