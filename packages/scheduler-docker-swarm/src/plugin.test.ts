import { describe, expect, it } from '@jest/globals';
import { reportCollect, schedulerTriggers } from '@pier/plugin-api';
import { createTestHost } from '@pier/plugin-testkit';
import { contractRelease, describeSchedulerContract } from '@pier/plugin-testkit/contract';
import { schedulerDockerSwarm } from './plugin.js';

// The contract every Pier scheduler passes: registration, schema-valid answers, the documented
// error for missing capabilities, and the app lifecycle (destroy, rename, clone).
describeSchedulerContract('docker-swarm', () => ({ plugin: schedulerDockerSwarm() }), { tracksDeployments: true });

describe('scheduler-docker-swarm settings', () => {
  it('sets a property per app; the report and the next deploy use it', async () => {
    const host = await createTestHost({ plugins: [schedulerDockerSwarm()], apps: ['blog'] });

    const set = await host.run('scheduler-docker-swarm:set', 'blog', 'endpoint', 'eu-1');
    const report = await host.bus.keyed(reportCollect, 'scheduler-docker-swarm', { app: 'blog' });
    await host.bus.keyed(schedulerTriggers.deploy, 'docker-swarm', { app: 'blog', release: contractRelease() });

    expect(set).toEqual({ exitCode: 0, stdout: '=====> Setting endpoint to eu-1\n', stderr: '' });
    expect(report.flags['--scheduler-docker-swarm-computed-endpoint']).toBe('eu-1');
    expect(host.io.stdoutText()).toContain('Running contract-test:latest on eu-1\n');
    host.dispose();
  });

  it('refuses an unknown property with one line and exit 1', async () => {
    const host = await createTestHost({ plugins: [schedulerDockerSwarm()], apps: ['blog'] });

    expect(await host.run('scheduler-docker-swarm:set', 'blog', 'colour', 'blue')).toEqual({
      exitCode: 1,
      stdout: '',
      stderr: ' !     Invalid property specified, valid properties include: endpoint\n',
    });
    host.dispose();
  });
});
