import { describe, expect, it } from '@jest/globals';
import { PierError } from '@pier/plugin-api';
import { demux, describeEndpoint, toPierError } from './docker-errors.js';
import { createDockerodePort } from './dockerode-port.js';

const netError = (code: string, message: string) => Object.assign(new Error(message), { code });
const apiError = (statusCode: number, message: string, json: unknown) => Object.assign(new Error(message), { statusCode, json });

describe('toPierError', () => {
  it.each([
    ['ENOENT', 'connect ENOENT /var/run/docker.sock', 'is dockerd running?'],
    ['ECONNREFUSED', 'connect ECONNREFUSED 127.0.0.1:2375', 'is dockerd running?'],
    ['EACCES', 'connect EACCES /var/run/docker.sock', 'is this user allowed to use the Docker socket?'],
  ])('%s → DOCKER_UNREACHABLE with one line', (code, message, hint) => {
    const error = toPierError(netError(code, message), 'unix:///var/run/docker.sock');
    expect(error).toMatchObject({ code: 'PIER_ERR_DOCKER_UNREACHABLE', message: `Cannot reach the Docker engine at unix:///var/run/docker.sock: ${message}; ${hint}` });
    expect(error.message).not.toContain('\n');
  });

  it('keeps the engine’s message for API errors', () => {
    const error = toPierError(apiError(404, '(HTTP code 404) no such container - network foo not found ', { message: 'network foo not found' }), 'x');
    expect(error).toMatchObject({ code: 'PIER_ERR_COMMAND_FAILED', message: 'Docker engine error: network foo not found' });
  });

  it('passes PierErrors through', () => {
    const original = new PierError('PIER_ERR_DEPLOY_FAILED', 'x');
    expect(toPierError(original, 'x')).toBe(original);
  });
});

describe('describeEndpoint', () => {
  it.each([
    [{}, {}, 'unix:///var/run/docker.sock'],
    [{}, { DOCKER_HOST: 'tcp://10.0.0.1:2375' }, 'tcp://10.0.0.1:2375'],
    [{ socketPath: '/tmp/d.sock' }, {}, 'unix:///tmp/d.sock'],
    [{ host: 'h', port: 2376, protocol: 'https' }, {}, 'https://h:2376'],
  ])('%j %j → %s', (options, env, expected) => {
    expect(describeEndpoint(options, env)).toBe(expected);
  });
});

describe('demux', () => {
  it('joins multiplexed frames in order', () => {
    const frame = (stream: number, text: string) => Buffer.concat([Buffer.from([stream, 0, 0, 0, 0, 0, 0, text.length]), Buffer.from(text)]);
    expect(demux(Buffer.concat([frame(1, 'out\n'), frame(2, 'err\n'), frame(1, 'more')]))).toBe('out\nerr\nmore');
  });
  it('returns raw (TTY) output as is', () => {
    expect(demux(Buffer.from('plain text\r\n'))).toBe('plain text\r\n');
  });
});

describe('createDockerodePort', () => {
  it('reports an engine that is not there as DOCKER_UNREACHABLE', async () => {
    const port = createDockerodePort({ socketPath: '/nonexistent/pier/docker.sock' });
    expect(port.endpoint).toBe('unix:///nonexistent/pier/docker.sock');
    await expect(port.listContainers([])).rejects.toMatchObject({
      code: 'PIER_ERR_DOCKER_UNREACHABLE',
      message: 'Cannot reach the Docker engine at unix:///nonexistent/pier/docker.sock: connect ENOENT /nonexistent/pier/docker.sock; is dockerd running?',
    });
  });
});
