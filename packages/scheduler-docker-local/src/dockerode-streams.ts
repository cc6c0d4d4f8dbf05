/**
 * The streaming half of the dockerode DockerPort: logs, attach, wait, exec sessions and resizes.
 * Streams are handed over as dockerode gives them (raw bytes, frames not decoded), so one decoder
 * (frames.ts) serves logs, attach and exec, and the fake can feed it the same bytes.
 */
import { Readable, type Duplex } from 'node:stream';
import type Dockerode from 'dockerode';
import type { DockerPort } from './docker-port.js';

type Call = <T>(work: (d: Dockerode) => Promise<T>, tolerated?: Record<number, () => T>) => Promise<T>;

type StreamMethods = Pick<
  DockerPort,
  'pathExists' | 'logStream' | 'attachContainer' | 'waitContainer' | 'resizeContainer' | 'createExec' | 'startExec' | 'inspectExec' | 'resizeExec'
>;

/** Exit statuses outside 0–255 (Windows engines, odd runtimes) are folded the way a shell would. */
const exitStatus = (code: number | null | undefined) => (code === null || code === undefined ? 0 : code & 0xff);

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
    logStream: (id, { follow, tail, timestamps }) =>
      call(async (d) => {
        const container = d.getContainer(id);
        const options = { stdout: true, stderr: true, timestamps, tail };
        if (follow) return (await container.logs({ ...options, follow: true })) as unknown as Readable;
        // Without follow dockerode buffers the whole answer; one chunk is still a stream.
        const buffer = (await container.logs({ ...options, follow: false })) as unknown as Buffer | string;
        return Readable.from([Buffer.isBuffer(buffer) ? buffer : Buffer.from(String(buffer))]);
      }),
    attachContainer: (id) =>
      call(
        async (d) =>
          (await d.getContainer(id).attach({ stream: true, stdin: true, stdout: true, stderr: true, hijack: true })) as unknown as Duplex,
      ),
    waitContainer: (id) => call(async (d) => exitStatus(((await d.getContainer(id).wait()) as { StatusCode?: number }).StatusCode)),
    // A resize can race the process's exit (404/409); the terminal size no longer matters then.
    resizeContainer: (id, rows, columns) =>
      call(async (d) => void (await d.getContainer(id).resize({ h: rows, w: columns })), { 404: () => undefined, 409: () => undefined }),
    createExec: (containerId, { command, tty }) =>
      call(async (d) => {
        const exec = await d.getContainer(containerId).exec({
          Cmd: command,
          AttachStdin: true,
          AttachStdout: true,
          AttachStderr: true,
          Tty: tty,
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
