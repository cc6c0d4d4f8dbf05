/**
 * The ContainerPort over dockerode: plain containers on the engine Pier talks to (the manager),
 * for attached one-offs. Streams are handed on as the scheduler reads them elsewhere: attach
 * connections as ExecSessions, logs as LogLine streams.
 */
import type { Duplex, Readable } from 'node:stream';
import type Dockerode from 'dockerode';
import type { ContainerPort } from './container-port.js';
import { dialStream, type EngineCall } from './dockerode-dial.js';
import { demuxedLines, execStreams, rawLines } from './engine-streams.js';

/** Already stopped (304), gone (404), or being removed (409): what was asked for holds anyway. */
const settled = { 304: () => undefined, 404: () => undefined, 409: () => undefined };
const containerAnswers = { 200: true, 400: 'bad parameter', 404: 'no such container', 500: 'server error' };

/** The body of a finished wait, `{"StatusCode": 3}`; statuses outside 0–255 folded as a shell folds them. */
async function statusCodeOf(answer: Readable): Promise<number> {
  const body = JSON.parse(Buffer.concat(await answer.toArray()).toString('utf8')) as { StatusCode?: number };
  return (body.StatusCode ?? 0) & 0xff;
}

export function containerMethods(call: EngineCall): ContainerPort {
  const container = (d: Dockerode, id: string) => d.getContainer(id);
  return {
    listContainers: (labels) =>
      call(async (d) =>
        (await d.listContainers({ all: true, filters: { label: labels } })).map((row) => ({
          id: row.Id,
          name: (row.Names[0] ?? '').replace(/^\//, ''),
          state: row.State,
          labels: row.Labels ?? {},
          created: row.Created,
          command: row.Command ?? '',
        })),
      ),
    createContainer: ({ attached, ...spec }) => {
      const streams = attached ? { OpenStdin: true, StdinOnce: true, AttachStdin: true, AttachStdout: true, AttachStderr: true } : {};
      return call(async (d) => (await d.createContainer({ ...spec, ...streams })).id);
    },
    removeContainer: (id) => call(async (d) => void (await container(d, id).remove({ force: true })), settled),
    attachContainer: (id, tty) =>
      call(async (d) => {
        const connection = await container(d, id).attach({ stream: true, hijack: true, stdin: true, stdout: true, stderr: true });
        return execStreams(connection as unknown as Duplex, tty, d.modem);
      }),
    // The engine sends the headers once it watches, the body when the container is gone.
    waitRemoved: (id) =>
      call(async (d) => {
        const answer = await dialStream(d, { path: `/containers/${id}/wait?`, method: 'POST', options: { condition: 'removed' }, statusCodes: containerAnswers });
        const exitCode = call(() => statusCodeOf(answer));
        // The caller may be done before the container is (its start failed): no unhandled rejection.
        exitCode.catch(() => {});
        return { exitCode };
      }),
    startContainer: (id) => call(async (d) => void (await container(d, id).start()), { 304: () => undefined }),
    stopContainer: (id) => call(async (d) => void (await container(d, id).stop()), settled),
    killContainer: (id, signal) => call(async (d) => void (await container(d, id).kill({ signal })), settled),
    // A resize can race the process's exit: the size no longer matters then.
    resizeContainer: (id, rows, columns) => call(async (d) => void (await container(d, id).resize({ h: rows, w: columns })), settled),
    containerLogs: (id, { follow, tail }) =>
      call(async (d) => {
        const tty = (await container(d, id).inspect()).Config.Tty === true;
        const options = { stdout: true, stderr: true, follow, tail, timestamps: true };
        const answer = await dialStream(d, { path: `/containers/${id}/logs?`, method: 'GET', options, statusCodes: containerAnswers });
        return tty ? rawLines(answer) : demuxedLines(answer, d.modem);
      }),
  };
}
