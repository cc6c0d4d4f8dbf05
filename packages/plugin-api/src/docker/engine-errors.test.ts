import { describe, expect, it } from '@jest/globals';
import { PierError } from '../errors/pier-error.js';
import { dockerEndpoint, dockerEngineError, engineCaller, startFailureStatus } from './engine-errors.js';

const netError = (code: string, message: string) => Object.assign(new Error(message), { code });
const apiError = (statusCode: number, message: string, json: unknown) => Object.assign(new Error(message), { statusCode, json });

describe('dockerEngineError', () => {
  it.each([
    ['ENOENT', 'connect ENOENT /var/run/docker.sock', 'is dockerd running?'],
    ['ECONNREFUSED', 'connect ECONNREFUSED 127.0.0.1:2375', 'is dockerd running?'],
    ['EACCES', 'connect EACCES /var/run/docker.sock', 'is this user allowed to use the Docker socket?'],
  ])('%s → DOCKER_UNREACHABLE with one line', (code, message, hint) => {
    const error = dockerEngineError(netError(code, message), 'unix:///var/run/docker.sock');
    expect(error).toMatchObject({ code: 'PIER_ERR_DOCKER_UNREACHABLE', message: `Cannot reach the Docker engine at unix:///var/run/docker.sock: ${message}; ${hint}` });
    expect(error.message).not.toContain('\n');
  });

  it('keeps the engine’s own words for API errors: the JSON message, else the body, else the message without dockerode’s prefix', () => {
    const fromJson = dockerEngineError(apiError(404, '(HTTP code 404) no such container - network foo not found ', { message: 'network foo not found' }), 'x');
    const fromBody = dockerEngineError(apiError(500, '(HTTP code 500) server error - ', 'page not found\n'), 'x');
    const fromMessage = dockerEngineError(apiError(409, '(HTTP code 409) unexpected - name in use ', null), 'x');
    expect([fromJson, fromBody, fromMessage].map((e) => [e.code, e.message])).toEqual([
      ['PIER_ERR_COMMAND_FAILED', 'Docker engine error: network foo not found'],
      ['PIER_ERR_COMMAND_FAILED', 'Docker engine error: page not found'],
      ['PIER_ERR_COMMAND_FAILED', 'Docker engine error: name in use'],
    ]);
  });

  it('an errno after the engine answered (a status) is a refusal, not an unreachable engine', () => {
    expect(dockerEngineError(Object.assign(apiError(500, 'broken pipe', null), { code: 'EPIPE' }), 'x').code).toBe('PIER_ERR_COMMAND_FAILED');
  });

  it('passes PierErrors through', () => {
    const original = new PierError('PIER_ERR_DEPLOY_FAILED', 'x');
    expect(dockerEngineError(original, 'x')).toBe(original);
  });
});

describe('dockerEndpoint', () => {
  it.each([
    [{}, {}, 'unix:///var/run/docker.sock'],
    [{}, { DOCKER_HOST: 'tcp://10.0.0.1:2375' }, 'tcp://10.0.0.1:2375'],
    [{ socketPath: '/tmp/d.sock' }, {}, 'unix:///tmp/d.sock'],
    [{ host: 'h', port: 2376, protocol: 'https' }, {}, 'https://h:2376'],
  ])('%j %j → %s', (options, env, expected) => {
    expect(dockerEndpoint(options, env)).toBe(expected);
  });
});

describe('engineCaller', () => {
  const call = engineCaller(async () => 'client', 'unix:///x.sock');

  it('hands the client to the work and returns its result', async () => {
    expect(await call(async (client) => `${client} answered`)).toBe('client answered');
  });

  it('a tolerated status yields its fallback; any other failure becomes a PierError naming the endpoint', async () => {
    const notFound = () => Promise.reject(apiError(404, 'no such container', null));
    expect(await call(notFound, { 404: () => 'gone' })).toBe('gone');
    await expect(call(notFound, { 409: () => 'conflict' })).rejects.toMatchObject({ code: 'PIER_ERR_COMMAND_FAILED', message: 'Docker engine error: no such container' });
    await expect(call(() => Promise.reject(netError('ENOENT', 'connect ENOENT /x.sock')))).rejects.toMatchObject({
      code: 'PIER_ERR_DOCKER_UNREACHABLE',
      message: 'Cannot reach the Docker engine at unix:///x.sock: connect ENOENT /x.sock; is dockerd running?',
    });
  });
});

describe('startFailureStatus', () => {
  it.each([
    ['exec: "nope": executable file not found in $PATH', 127],
    ['exec /app/x: no such file or directory', 127],
    ['exec /app/run.sh: permission denied', 126],
    ['some other engine failure', null],
  ])('%s → %s', (message, status) => {
    expect(startFailureStatus(message)).toBe(status);
  });
});
