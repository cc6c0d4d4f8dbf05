/**
 * The SwarmPort over dockerode. dockerode is imported on first use, not when the module loads,
 * so registering the plugin (every `pier` command registers every plugin) costs nothing. Without
 * options the connection follows dockerode's defaults: DOCKER_HOST (unix://, tcp://, ssh://) or
 * the local socket. The engine must be a swarm manager for the service calls.
 */
import type { Duplex, Readable } from 'node:stream';
import type Dockerode from 'dockerode';
import { dockerEndpoint, engineCaller } from '@pier/plugin-api';
import { containerMethods } from './dockerode-containers.js';
import { dialStream } from './dockerode-dial.js';
import { demuxedLines, execStreams, rawLines } from './engine-streams.js';
import { LABEL_DEPLOY } from './naming.js';
import type { ServiceSpec } from './service-spec-types.js';
import type { LogLine, ServiceSummary, SwarmPort, TaskSummary } from './swarm-port.js';

export interface DockerodeSwarmPortOptions {
  socketPath?: string;
  host?: string;
  port?: number | string;
  protocol?: 'http' | 'https' | 'ssh';
}

/** The fields of the engine's service and task documents this adapter reads. */
interface RawService {
  ID: string;
  Version?: { Index?: number };
  CreatedAt?: string;
  Spec: ServiceSpec & { Labels?: Record<string, string> };
  PreviousSpec?: unknown;
  UpdateStatus?: { State?: string; StartedAt?: string; Message?: string };
}

interface RawTask {
  ID: string;
  ServiceID: string;
  Slot?: number;
  NodeID?: string;
  DesiredState?: string;
  CreatedAt?: string;
  Spec?: { ContainerSpec?: { Labels?: Record<string, string> } };
  Status?: { State?: string; Message?: string; Err?: string; ContainerStatus?: { ContainerID?: string } };
}

function serviceSummary(raw: RawService): ServiceSummary {
  const status = raw.UpdateStatus;
  return {
    id: raw.ID,
    name: raw.Spec.Name,
    version: raw.Version?.Index ?? 0,
    createdAt: raw.CreatedAt ?? '',
    labels: raw.Spec.Labels ?? {},
    spec: raw.Spec,
    hasPreviousSpec: raw.PreviousSpec !== undefined && raw.PreviousSpec !== null,
    updateStatus: status ? { state: status.State ?? '', startedAt: status.StartedAt ?? '', message: status.Message ?? '' } : null,
    raw: raw as unknown as Record<string, unknown>,
  };
}

function taskSummary(raw: RawTask): TaskSummary {
  return {
    id: raw.ID,
    serviceId: raw.ServiceID,
    slot: raw.Slot ?? 0,
    nodeId: raw.NodeID ?? '',
    desiredState: raw.DesiredState ?? '',
    state: raw.Status?.State ?? '',
    message: raw.Status?.Message ?? '',
    error: raw.Status?.Err ?? '',
    containerId: raw.Status?.ContainerStatus?.ContainerID ?? '',
    deployId: raw.Spec?.ContainerSpec?.Labels?.[LABEL_DEPLOY] ?? '',
    createdAt: raw.CreatedAt ?? '',
    raw: raw as unknown as Record<string, unknown>,
  };
}

export function createDockerodeSwarmPort(options?: DockerodeSwarmPortOptions): SwarmPort {
  const endpoint = dockerEndpoint(options);
  let client: Promise<Dockerode> | undefined;
  const docker = () => (client ??= import('dockerode').then(({ default: Docker }) => new Docker(options)));
  const call = engineCaller(docker, endpoint);
  const missing = { 404: () => null };
  const gone = { 404: () => undefined };

  return {
    endpoint,
    ...containerMethods(call),
    swarmNode: () =>
      call(async (d) => {
        const swarm = ((await d.info()) as { Swarm?: { LocalNodeState?: string; NodeID?: string; ControlAvailable?: boolean; Nodes?: number } }).Swarm;
        if (swarm?.LocalNodeState !== 'active' || !swarm.NodeID) return null;
        return { nodeId: swarm.NodeID, isManager: swarm.ControlAvailable === true, nodes: swarm.Nodes ?? 1 };
      }),
    nodeHostname: (nodeId) =>
      call(async (d) => String(((await d.getNode(nodeId).inspect()) as { Description?: { Hostname?: string } }).Description?.Hostname ?? ''), {
        404: () => '',
      }),
    inspectImage: (ref) =>
      call(async (d) => {
        const info = await d.getImage(ref).inspect();
        return { id: info.Id, workingDir: info.Config?.WorkingDir ?? '', labels: info.Config?.Labels ?? {} };
      }, missing),

    // 503: the engine is in no swarm (or is a worker), so it runs no services of any app.
    listServices: (labels) =>
      call(async (d) => ((await d.listServices({ filters: { label: labels } })) as unknown as RawService[]).map(serviceSummary), {
        503: () => [],
      }),
    inspectService: (id) => call(async (d) => serviceSummary((await d.getService(id).inspect()) as RawService), missing),
    createService: (spec) => call(async (d) => (await d.createService(spec as unknown as Dockerode.CreateServiceOptions)).id),
    // Query and body apart: dockerode would otherwise also put the whole spec in the query string.
    updateService: (id, version, spec) => call(async (d) => void (await d.getService(id).update({ _query: { version }, _body: spec }))),
    // The engine ignores the body of a rollback but wants one, as `docker service rollback` sends.
    rollbackService: (id, version, spec) =>
      call(async (d) => void (await d.getService(id).update({ _query: { version, rollback: 'previous' }, _body: spec }))),
    removeService: (id) => call(async (d) => void (await d.getService(id).remove()), gone),
    listTasks: (serviceId) =>
      call(async (d) => ((await d.listTasks({ filters: { service: [serviceId] } })) as RawTask[]).map(taskSummary), { 404: () => [] }),
    inspectTask: (id) => call(async (d) => taskSummary((await d.getTask(id).inspect()) as RawTask), missing),
    serviceLogs: (serviceId, { follow, tail, tty }) =>
      call(async (d) => {
        const options = { stdout: true, stderr: true, follow, tail, timestamps: true, details: true };
        const answer = await dialStream(d, { path: `/services/${serviceId}/logs?`, method: 'GET', options, statusCodes: { 200: true, 404: 'no such service', 503: 'node is not part of a swarm' } });
        return tty ? rawLines(answer) : demuxedLines(answer, d.modem);
      }),

    taskLogs: (taskId) =>
      call(async (d) => {
        const answer = await dialStream(d, { path: `/tasks/${taskId}/logs?`, method: 'GET', options: { stdout: true, stderr: true }, statusCodes: { 200: true, 404: 'no such task' } });
        let text = '';
        for await (const line of demuxedLines(answer, d.modem) as AsyncIterable<LogLine>) text += `${line.text}\n`;
        return text;
      }, { 404: () => '' }),

    getArchive: (id, path) => call(async (d) => (await d.getContainer(id).getArchive({ path })) as unknown as Readable | null, missing),
    // HEAD /containers/{id}/archive: the engine stats the path without sending the file.
    pathExists: (id, path) =>
      call(
        async (d) => {
          ((await d.getContainer(id).infoArchive({ path })) as unknown as Readable | undefined)?.resume();
          return true;
        },
        { 404: () => false },
      ),
    exec: (containerId, command, tty) =>
      call(async (d) => {
        const exec = await d.getContainer(containerId).exec({ Cmd: command, AttachStdin: true, AttachStdout: true, AttachStderr: true, Tty: tty });
        const connection = (await exec.start({ hijack: true, stdin: true, Tty: tty })) as unknown as Duplex;
        return { id: exec.id, session: execStreams(connection, tty, d.modem) };
      }),
    execExitCode: (execId) =>
      call(async (d) => {
        const info = await d.getExec(execId).inspect();
        // Statuses outside 0–255 are folded the way a shell folds them.
        return info.Running ? null : (info.ExitCode ?? 0) & 0xff;
      }),
    // A resize can race the command's exit (404/409): the size no longer matters then.
    resizeExec: (execId, rows, columns) =>
      call(async (d) => void (await d.getExec(execId).resize({ h: rows, w: columns })), { ...gone, 409: () => undefined }),
  };
}
