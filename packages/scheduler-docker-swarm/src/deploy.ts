/**
 * `scheduler:deploy`: each process type of the release becomes (or updates) its service, `web`
 * first and on its own, then the other types together, and each must converge (see
 * rollout-judge.ts) before the deploy succeeds.
 *
 * All or nothing, like docker-local: if any type fails, every service this deploy touched goes
 * back to what it was. Swarm rolls a failed rolling update back itself (FailureAction rollback,
 * start-first, so the old tasks kept serving); Pier asks for the rollback of the types that had
 * already converged, and removes the services this deploy created. Then the deploy throws.
 */
import { randomBytes } from 'node:crypto';
import { ErrorCodes, PierError, type InputOf, type ProcessSpec, type Release, type schedulerDeploy, messageOf, signalExitCode, OWN_INIT_VENDOR } from '@pier/plugin-api';
import { appServices, replicasOf } from './app-services.js';
import { awaitRollback, awaitRollout, type RolloutOutcome } from './await-rollout.js';
import { clearFailedTasks, recordFailedTasks } from './failed-logs.js';
import { readSwarmSettings, type SwarmSettings } from './properties.js';
import { rolloutOrder } from './rollout-config.js';
import type { Runtime } from './runtime.js';
import { planService } from './service-spec.js';
import type { ServiceSummary } from './swarm-port.js';
import { requireManager } from './swarm-manager.js';
import { taskImage } from './task-image.js';

export type DeployInput = InputOf<typeof schedulerDeploy>;

interface DeploySession {
  rt: Runtime;
  app: string;
  release: Release;
  settings: SwarmSettings;
  image: string;
  init: boolean;
  deployId: string;
  /** The app's services before this deploy, by process type. */
  before: Map<string, ServiceSummary>;
  /** The first Ctrl-C or SIGTERM during the rollouts. */
  interrupted: NodeJS.Signals | null;
}

/** What this deploy did to one service, so that a failure can undo exactly that. */
interface Change {
  type: string;
  serviceId: string;
  name: string;
  created: boolean;
  outcome: RolloutOutcome;
}

/** Web alone first (it is what users reach), then the rest together, in name order. */
export function deployPhases(processes: readonly ProcessSpec[]): ProcessSpec[][] {
  const sorted = [...processes].sort((a, b) => (a.type < b.type ? -1 : a.type > b.type ? 1 : 0));
  return [sorted.filter((p) => p.type === 'web'), sorted.filter((p) => p.type !== 'web')].filter((phase) => phase.length > 0);
}

const describeRollout = (order: string, parallel: number, monitor: number) => `${order}, ${parallel} at a time, monitor ${monitor}s`;

/** Applies one type's spec and watches it converge; the change is recorded as soon as it is made. */
async function rollOut(session: DeploySession, process: ProcessSpec, changes: Change[]): Promise<void> {
  const { rt, app, settings } = session;
  rt.log.info1(`Deploying ${process.type} (count=${process.quantity})`);
  const { spec, health } = planService({ ...session, root: rt.root, process });
  if (process.checks === 'skipped') rt.log.info2(`Zero downtime checks have been skipped (${process.type})`);
  if (process.checks === 'disabled') rt.log.verbose(`Zero downtime is disabled: old tasks stop before new ones start (${process.type})`);
  for (const note of health.notes) rt.log.verbose(note);

  const previous = session.before.get(process.type);
  const monitor = spec.UpdateConfig.Monitor / 1e9;
  const how = describeRollout(rolloutOrder(process, settings.networkMode), process.maxParallel, monitor);
  let serviceId: string;
  if (previous) {
    rt.log.verbose(`Updating service ${spec.Name} (${how})`);
    await rt.engine.updateService(previous.id, previous.version, spec);
    serviceId = previous.id;
  } else {
    const clash = await rt.engine.inspectService(spec.Name);
    if (clash) {
      throw new PierError(ErrorCodes.DEPLOY_FAILED, `Service ${spec.Name} already exists but was not created for ${app} by this Pier (state root ${rt.root}); remove it or rename the app`);
    }
    rt.log.verbose(`Creating service ${spec.Name} (${how})`);
    serviceId = await rt.engine.createService(spec);
  }
  const change: Change = { type: process.type, serviceId, name: spec.Name, created: previous === undefined, outcome: { ok: false, reason: 'not watched', rolledBack: false } };
  changes.push(change);

  change.outcome = await awaitRollout(
    rt,
    serviceId,
    {
      type: process.type,
      deployId: session.deployId,
      replicas: process.quantity,
      rolling: previous !== undefined && replicasOf(previous) > 0 && process.quantity > 0,
      previousUpdateStart: previous?.updateStatus?.startedAt ?? '',
      monitorMs: process.quantity === 0 ? 0 : monitor * 1000,
    },
    settings.deployTimeoutSeconds * 1000,
    () => session.interrupted,
  );
  if (change.outcome.ok) rt.log.verbose(`Service ${spec.Name} converged: ${process.quantity} of ${process.quantity} tasks running`);
}

/** Puts every service this deploy touched back as it was (best effort: the deploy fails anyway). */
async function undo(session: DeploySession, changes: Change[]): Promise<void> {
  const { rt } = session;
  const timeoutMs = session.settings.deployTimeoutSeconds * 1000;
  for (const change of changes) {
    if (!change.outcome.ok && change.outcome.rolledBack) continue;
    if (change.created) {
      rt.log.verbose(`Removing service ${change.name} of the failed deploy`);
      await rt.engine.removeService(change.serviceId).catch(() => {});
      continue;
    }
    rt.log.warn(`Rolling ${change.type} back to the previous release`);
    try {
      const current = await rt.engine.inspectService(change.serviceId);
      if (!current) continue;
      await rt.engine.rollbackService(current.id, current.version, current.spec);
      const done = await awaitRollback(rt, current.id, session.deployId, current.updateStatus?.startedAt ?? '', timeoutMs);
      if (!done) rt.log.warn(`The rollback of ${change.name} did not finish; see docker service ps ${change.name}`);
    } catch (error) {
      rt.log.warn(`Could not roll ${change.name} back: ${messageOf(error)}`);
    }
  }
}

function failure(session: DeploySession, changes: Change[]): PierError {
  if (session.interrupted !== null) {
    return new PierError(ErrorCodes.INTERRUPTED, `Deploy interrupted by ${session.interrupted}: rolled back, the previous release keeps running`, {
      exitCode: signalExitCode(session.interrupted),
    });
  }
  const failed = changes.filter((c) => !c.outcome.ok);
  const reasons = failed.map((c) => `${c.type}: ${c.outcome.ok ? '' : c.outcome.reason}`).join('; ');
  const after = changes.some((c) => !c.created) ? 'the previous release keeps running' : 'the services of this deploy were removed';
  return new PierError(ErrorCodes.DEPLOY_FAILED, `Could not deploy ${reasons}; ${after}`);
}

/** Services of types the release no longer has (only when every type was deployed). */
async function removeUndefinedTypes(session: DeploySession): Promise<void> {
  const defined = new Set(session.release.processes.map((p) => p.type));
  for (const [type, service] of session.before) {
    if (defined.has(type)) continue;
    session.rt.log.verbose(`Process type ${type} is no longer defined, removing service ${service.name}`);
    await session.rt.engine.removeService(service.id);
  }
}

export async function deploy(rt: Runtime, { app, release, processType }: DeployInput): Promise<void> {
  const node = await requireManager(rt);
  const settings = await readSwarmSettings(rt.bus, app);
  const selected = release.processes.filter((p) => processType === undefined || p.type === processType);
  if (processType !== undefined && selected.length === 0) {
    throw new PierError(ErrorCodes.DEPLOY_FAILED, `Process type ${processType} is not defined for ${app}`);
  }
  const { image, details } = await taskImage(rt, release.image, settings, node);
  const before = new Map((await appServices(rt, app)).map(({ type, service }) => [type, service]));
  const session: DeploySession = {
    rt,
    app,
    release,
    settings,
    image,
    init: settings.init ?? details.labels['org.opencontainers.image.vendor'] !== OWN_INIT_VENDOR,
    deployId: randomBytes(6).toString('hex'),
    before,
    interrupted: null,
  };

  // Node would die on the spot and leave the rollouts going; instead the deploy stops waiting,
  // puts back what it changed and ends with the signal's status. Undoing is not interrupted.
  const unsubscribe = rt.interrupts((signal) => {
    if (session.interrupted === null) rt.log.warn(`${signal}: rolling back, this takes a moment`);
    session.interrupted ??= signal;
  });
  try {
    const changes: Change[] = [];
    for (const phase of deployPhases(selected)) {
      const settled = session.interrupted === null ? await Promise.allSettled(phase.map((process) => rollOut(session, process, changes))) : [];
      const thrown = settled.find((result): result is PromiseRejectedResult => result.status === 'rejected');
      if (thrown || session.interrupted !== null || changes.some((c) => !c.outcome.ok)) {
        await recordFailedTasks(rt, app, session.deployId, changes.map((c) => ({ id: c.serviceId, type: c.type }))).catch(() => {});
        await undo(session, changes);
        throw thrown && session.interrupted === null ? thrown.reason : failure(session, changes);
      }
    }
  } finally {
    unsubscribe();
  }
  if (processType === undefined) await removeUndefinedTypes(session);
  await clearFailedTasks(rt, app);
}
