/**
 * The DockerPort over dockerode. dockerode is imported on first use, not at module load, so
 * loading the plugin (every `pier` command loads every plugin) costs nothing. Without options the
 * connection follows dockerode's defaults, i.e. DOCKER_HOST (unix://, tcp://, ssh://) or the
 * local socket.
 */
import { Writable, type Readable } from 'node:stream';
import type Dockerode from 'dockerode';
import type { ContainerSummary, DockerPort, ExecResult } from './docker-port.js';
import { demux } from './demux.js';
import { streamMethods } from './dockerode-streams.js';
import { dockerEndpoint, engineCaller } from '@pier/plugin-api';

export interface DockerodePortOptions {
  socketPath?: string;
  host?: string;
  port?: number | string;
  protocol?: 'http' | 'https' | 'ssh';
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** What each port made by createDockerodePort was made with: how another process reaches the same engine. */
const connections = new WeakMap<DockerPort, DockerodePortOptions>();

/**
 * The connection options `port` was created with (`{}` for dockerode's defaults), or undefined
 * when it is not a port of createDockerodePort (an embedder's own DockerPort, a test fake).
 */
export function dockerodeConnection(port: DockerPort): DockerodePortOptions | undefined {
  return connections.get(port);
}

/** Only the options this port knows of, without undefined ones (they travel as JSON). */
function connectionOf(options: DockerodePortOptions | undefined): DockerodePortOptions {
  const { socketPath, host, port, protocol } = options ?? {};
  return Object.fromEntries(Object.entries({ socketPath, host, port, protocol }).filter(([, value]) => value !== undefined));
}

export function createDockerodePort(options?: DockerodePortOptions): DockerPort {
  const endpoint = dockerEndpoint(options);
  let client: Promise<Dockerode> | undefined;
  const docker = () => (client ??= import('dockerode').then(({ default: Docker }) => new Docker(options)));
  const call = engineCaller(docker, endpoint);

  async function execIn(d: Dockerode, id: string, command: string[], timeoutMs: number): Promise<ExecResult> {
    const exec = await d.getContainer(id).exec({ Cmd: command, AttachStdout: true, AttachStderr: true, Tty: false });
    const stream = await exec.start({ hijack: true, stdin: false });
    const chunks: Buffer[] = [];
    const sink = new Writable({
      write(chunk: Buffer, _encoding, done) {
        chunks.push(chunk);
        done();
      },
    });
    d.modem.demuxStream(stream, sink, sink);
    let timer: NodeJS.Timeout | undefined;
    const ended = new Promise<boolean>((resolve) => {
      for (const event of ['end', 'close', 'error']) stream.once(event, () => resolve(false));
      timer = setTimeout(() => resolve(true), timeoutMs);
    });
    const timedOut = await ended;
    clearTimeout(timer);
    const output = Buffer.concat(chunks).toString('utf8');
    if (timedOut) {
      (stream as unknown as { destroy(): void }).destroy();
      return { exitCode: null, output };
    }
    // The stream can end a moment before the engine records the exit code.
    for (let polls = 0; polls < 20; polls++) {
      const info = await exec.inspect();
      if (!info.Running) return { exitCode: info.ExitCode ?? null, output };
      await sleep(50);
    }
    return { exitCode: null, output };
  }

  const port: DockerPort = {
    endpoint,
    loggingDriver: () => call(async (d) => String((await d.info()).LoggingDriver ?? '')),
    inspectImage: (ref) =>
      call(
        async (d) => {
          const info = await d.getImage(ref).inspect();
          return { id: info.Id, workingDir: info.Config?.WorkingDir ?? '', labels: info.Config?.Labels ?? {} };
        },
        { 404: () => null },
      ),
    listContainers: (labels) =>
      call(async (d) => {
        const rows = await d.listContainers({ all: true, filters: { label: labels } });
        return rows.map(
          (row): ContainerSummary => ({
            id: row.Id,
            name: (row.Names[0] ?? '').replace(/^\//, ''),
            labels: row.Labels ?? {},
            state: row.State,
            created: row.Created,
            command: row.Command ?? '',
          }),
        );
      }),
    inspectContainer: (id) =>
      call(
        async (d) => {
          const info = await d.getContainer(id).inspect();
          return {
            id: info.Id,
            name: info.Name.replace(/^\//, ''),
            labels: info.Config.Labels ?? {},
            status: info.State.Status,
            running: info.State.Running,
            startedAt: info.State.StartedAt,
            restartCount: info.RestartCount,
            env: info.Config.Env ?? [],
            tty: info.Config.Tty === true,
            raw: info as unknown as Record<string, unknown>,
          };
        },
        { 404: () => null },
      ),
    createContainer: (spec) => call(async (d) => (await d.createContainer(spec)).id),
    startContainer: (id) => call(async (d) => void (await d.getContainer(id).start()), { 304: () => undefined }),
    stopContainer: (id, t) => call(async (d) => void (await d.getContainer(id).stop({ t })), { 304: () => undefined, 404: () => undefined }),
    killContainer: (id, signal = 'SIGKILL') =>
      call(async (d) => void (await d.getContainer(id).kill({ signal })), { 404: () => undefined, 409: () => undefined }),
    removeContainer: (id) =>
      call(async (d) => void (await d.getContainer(id).remove({ force: true })), { 404: () => undefined, 409: () => undefined }),
    renameContainer: (id, name) =>
      call(
        async (d) => {
          await d.getContainer(id).rename({ name });
          return true;
        },
        { 409: () => false },
      ),
    updateRestartPolicy: (id, policy) =>
      call(async (d) => void (await d.getContainer(id).update({ RestartPolicy: policy })), { 404: () => undefined }),
    containerLogs: (id) =>
      call(async (d) => {
        const logs = (await d.getContainer(id).logs({ stdout: true, stderr: true, follow: false })) as unknown as Buffer;
        return demux(Buffer.isBuffer(logs) ? logs : Buffer.from(String(logs)));
      }),
    exec: (id, command, timeoutMs) => call((d) => execIn(d, id, command, timeoutMs)),
    getArchive: (id, path) =>
      call(async (d) => (await d.getContainer(id).getArchive({ path })) as unknown as Readable | null, { 404: () => null }),
    ...streamMethods(call),
  };
  connections.set(port, connectionOf(options));
  return port;
}
