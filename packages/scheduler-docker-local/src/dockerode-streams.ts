/**
 * The streaming half of the dockerode DockerPort: logs, attach, wait, exec sessions and resizes.
 * Streams are handed over as dockerode gives them (raw bytes, frames not decoded), so one decoder
 * (frames.ts) serves logs, attach and exec, and the fake can feed it the same bytes.
 */
import type { Duplex, Readable } from 'node:stream';
import type Dockerode from 'dockerode';
import type { DockerPort } from './docker-port.js';

type DialOptions = Parameters<Dockerode['modem']['dial']>[0];
type Call = <T>(work: (d: Dockerode) => Promise<T>, tolerated?: Record<number, () => T>) => Promise<T>;

type StreamMethods = Pick<
  DockerPort,
  'pathExists' | 'logStream' | 'attachContainer' | 'waitContainer' | 'resizeContainer' | 'createExec' | 'startExec' | 'inspectExec' | 'resizeExec'
>;

/** Exit statuses outside 0–255 (Windows engines, odd runtimes) are folded the way a shell would. */
const exitStatus = (code: number | null | undefined) => (code === null || code === undefined ? 0 : code & 0xff);

const ANSWERS = { 200: true, 400: 'bad parameter', 404: 'no such container', 500: 'server error' } as const;

/**
 * A request whose answer is handed over as a stream once its headers are in. dockerode buffers a
 * whole answer before resolving for non-follow logs and for wait; this is docker-modem's own
 * streaming mode, which dockerode uses for followed logs.
 */
function dialStream(d: Dockerode, options: Omit<DialOptions, 'isStream' | 'statusCodes'>): Promise<Readable> {
  return new Promise((resolve, reject) =>
    d.modem.dial({ ...options, isStream: true, statusCodes: ANSWERS }, (error, answer) => (error ? reject(error) : resolve(answer as Readable))),
  );
}

async function readJson(stream: Readable): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.from(chunk as Buffer));
  return JSON.parse(Buffer.concat(chunks).toString('utf8'));
}

export function streamMethods(call: Call): StreamMethods {
  return {
    // HEAD /containers/{id}/archive: the engine stats the path (following symlinks in the
    // directories on the way, e.g. /bin -> usr/bin) without sending the file.
    pathExists: (id, path) =>
      call(
        async (d) => {
          const response = (await d.getContainer(id).infoArchive({ path })) as unknown as Readable | undefined;
          response?.resume();
          return true;
        },
        { 404: () => false },
      ),
    // Streamed with or without follow: 300 000 lines are read as the reader takes them, not
    // buffered whole (and a slow reader of stdout slows the engine down, not memory up).
    logStream: (id, { follow, tail, timestamps }) =>
      call((d) => dialStream(d, { path: `/containers/${id}/logs?`, method: 'GET', options: { stdout: true, stderr: true, follow, timestamps, tail } })),
    attachContainer: (id) =>
      call(
        async (d) =>
          (await d.getContainer(id).attach({ stream: true, stdin: true, stdout: true, stderr: true, hijack: true })) as unknown as Duplex,
      ),
    // The engine answers with the headers once it watches (docker run sets its wait up the same
    // way before start), and with the body when the event happens.
    waitContainer: (id, condition) =>
      call(async (d) => {
        const answer = await dialStream(d, { path: `/containers/${id}/wait?`, method: 'POST', options: { condition } });
        const exitCode = call(async () => exitStatus(((await readJson(answer)) as { StatusCode?: number }).StatusCode));
        // Whoever set the watch up may end before it fires (start failed): not an unhandled rejection.
        exitCode.catch(() => {});
        return { exitCode };
      }),
    // A resize can race the process's exit (404/409); the terminal size no longer matters then.
    resizeContainer: (id, rows, columns) =>
      call(async (d) => void (await d.getContainer(id).resize({ h: rows, w: columns })), { 404: () => undefined, 409: () => undefined }),
    createExec: (containerId, { command, tty, consoleSize }) =>
      call(async (d) => {
        const exec = await d.getContainer(containerId).exec({
          Cmd: command,
          AttachStdin: true,
          AttachStdout: true,
          AttachStderr: true,
          Tty: tty,
          ...(consoleSize === undefined ? {} : { ConsoleSize: consoleSize }),
        });
        return exec.id;
      }),
    startExec: (execId, tty) =>
      call(async (d) => (await d.getExec(execId).start({ hijack: true, stdin: true, Tty: tty })) as unknown as Duplex),
    inspectExec: (execId) =>
      call(async (d) => {
        const info = await d.getExec(execId).inspect();
        return { running: info.Running, exitCode: info.Running ? null : exitStatus(info.ExitCode) };
      }),
    resizeExec: (execId, rows, columns) =>
      call(async (d) => void (await d.getExec(execId).resize({ h: rows, w: columns })), { 404: () => undefined, 409: () => undefined }),
  };
}
