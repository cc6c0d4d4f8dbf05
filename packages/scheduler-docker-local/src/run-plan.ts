/**
 * Pure: a one-off container's command and container-create body (Dokku's `scheduler-run`
 * argument list, §4.9), kept apart from the engine calls so it can be tested as a table.
 */
import { ErrorCodes, PierError, ProcfileCommandSyntaxError, splitProcfileCommand, type Release, LABEL_APP, LABEL_CONTAINER_TYPE, LABEL_PROCESS_TYPE, LABEL_DEADLINE, RUN_TYPE, runName } from '@pier/plugin-api';
import { LOG_MAX_SIZE } from './create-options.js';
import type { CreateContainerSpec } from './docker-port.js';

/** What procfile-util hands a `$PORT` when the process has none: Dokku's default web port. */
const DEFAULT_PORT_TEXT = '5000';

export interface RunCommand {
  /** null: no command was given, the app's shell runs. */
  argv: string[] | null;
  /** The Procfile type whose command runs, when the first word named one. */
  procfileType: string | null;
}

/**
 * `pier run app web --verbose` runs the Procfile's web command (split like deploy splits it, with
 * `$PORT` substituted) followed by `--verbose`; any other first word is a command of its own.
 */
export function resolveRunCommand(release: Release, command: readonly string[], port: number | null): RunCommand {
  const [first, ...rest] = command;
  if (first === undefined) return { argv: null, procfileType: null };
  const match = release.processes.find((p) => p.type === first && p.command !== null);
  if (!match) return { argv: [...command], procfileType: null };
  const portText = String(port ?? release.env.PORT ?? DEFAULT_PORT_TEXT);
  try {
    return { argv: [...splitProcfileCommand(match.command!, portText), ...rest], procfileType: match.type };
  } catch (error) {
    if (!(error instanceof ProcfileCommandSyntaxError)) throw error;
    throw new PierError(ErrorCodes.COMMAND_FAILED, `Invalid Procfile command for ${match.type}: ${error.message}`);
  }
}

/**
 * The release env, then DYNO (and PORT in host mode), then the `-e` pairs, which win as later
 * `--env` flags win in Dokku's `docker run`. Values are passed as they are: nothing expands them.
 */
export function runEnv(releaseEnv: Readonly<Record<string, string>>, extra: Readonly<Record<string, string>>, dyno: string, port: number | null): string[] {
  const merged: Record<string, string> = { ...releaseEnv, DYNO: dyno };
  if (port !== null) merged.PORT = String(port);
  Object.assign(merged, extra);
  return Object.entries(merged).map(([key, value]) => `${key}=${value}`);
}

export interface RunPlan {
  app: string;
  number: number;
  /** The Procfile type whose command runs (its process-type label), if any. */
  procfileType: string | null;
  /** The deployed image's id (the tag may have moved since). */
  image: string;
  argv: string[];
  releaseEnv: Readonly<Record<string, string>>;
  env: Readonly<Record<string, string>>;
  port: number | null;
  tty: boolean;
  detach: boolean;
  ttlSeconds: number;
  networkMode: string;
  init: boolean;
  /** Whether the engine's logging driver takes a max-size (json-file, local). */
  limitLogSize: boolean;
  /** With a TTY on the caller's terminal: its size (rows, columns), set from the start. */
  consoleSize?: [number, number] | undefined;
}

export function buildRunSpec(plan: RunPlan): CreateContainerSpec {
  const attached = !plan.detach;
  const spec: CreateContainerSpec = {
    name: runName(plan.app, plan.number),
    Image: plan.image,
    Cmd: plan.argv,
    Env: runEnv(plan.releaseEnv, plan.env, `${RUN_TYPE}.${plan.number}`, plan.port),
    // Dokku's: it leaves the deploy labels (org.label-schema.*, dokku) off one-off containers, and
    // gives a process type only when a Procfile command runs.
    Labels: {
      [LABEL_APP]: plan.app,
      [LABEL_CONTAINER_TYPE]: RUN_TYPE,
      ...(plan.procfileType === null ? {} : { [LABEL_PROCESS_TYPE]: plan.procfileType }),
      [LABEL_DEADLINE]: String(plan.ttlSeconds),
    },
    Tty: plan.tty,
    // Attached: stdin is open and closes when the caller's stdin ends (StdinOnce), so
    // `echo hi | pier run app cat` sees EOF; a detached process gets no stdin, as in Dokku.
    OpenStdin: attached,
    StdinOnce: attached,
    AttachStdin: attached,
    AttachStdout: attached,
    AttachStderr: attached,
    // Dokku's `--rm`, attached runs included: the engine removes the container when it exits,
    // even when Pier is gone by then (a closed terminal, kill -9). run.ts sets its wait up
    // before start, as `docker run --rm` does, so the exit status is not lost to the removal.
    HostConfig: { NetworkMode: plan.networkMode, AutoRemove: true },
  };
  if (plan.init) spec.HostConfig.Init = true;
  if (plan.tty && plan.consoleSize) spec.HostConfig.ConsoleSize = plan.consoleSize;
  if (plan.limitLogSize) spec.HostConfig.LogConfig = { Type: '', Config: { 'max-size': LOG_MAX_SIZE } };
  return spec;
}
