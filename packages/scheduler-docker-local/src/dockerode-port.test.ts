import { describe, expect, it } from '@jest/globals';
import { createDockerodePort } from './dockerode-port.js';

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
