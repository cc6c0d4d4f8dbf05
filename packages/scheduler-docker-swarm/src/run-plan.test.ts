import { describe, expect, it } from '@jest/globals';
import { resolveRunCommand } from './run-command.js';
import { runContainerSpec, runServiceSpec, type RunPlan } from './run-plan.js';

const deployed: RunPlan['release'] = { image: 'sha256:abc', env: { SECRET: 'hunter2', MODE: 'release' }, init: true, stopGracePeriod: 7e9, networks: undefined, networkMode: 'bridge', placementConstraints: [] };
const plan = (overrides: Partial<RunPlan> = {}, release: Partial<RunPlan['release']> = {}): RunPlan => ({
  app: 'shop',
  root: '/var/lib/pier/../pier',
  number: 42,
  release: { ...deployed, ...release },
  procfileType: null,
  argv: ['rake', 'db:migrate'],
  env: { MODE: '-e wins', RAW: '$HOME {{.Task.Slot}}' },
  port: null,
  tty: false,
  ttlSeconds: 60,
  ...overrides,
});

const labels = {
  'com.dokku.app-name': 'shop',
  'com.dokku.container-type': 'run',
  'com.dokku.active-deadline-seconds': '60',
  'com.pier.run-name': 'shop.run.42',
  'com.pier.root': '/var/lib/pier',
};

describe('resolveRunCommand (docker-local’s rule)', () => {
  const release = { procfileCommand: (type: string, port: string) => (type === 'worker' ? ['work', '--port', port] : null) };

  it.each<[string[], { argv: string[] | null; procfileType: string | null }]>([
    [['worker', '--once'], { argv: ['work', '--port', '5000', '--once'], procfileType: 'worker' }],
    [['ls', '-l'], { argv: ['ls', '-l'], procfileType: null }],
    [[], { argv: null, procfileType: null }],
  ])('%j → %j', (words, expected) => {
    expect(resolveRunCommand(release, words, '5000')).toEqual(expected);
  });
});

describe('an attached one-off: a container on the manager, as docker run -i --rm', () => {
  it('carries the name, labels, env (-e last, literal), stdin for the caller, the stop timeout and --rm', () => {
    expect(runContainerSpec(plan())).toEqual({
      name: 'shop.run.42',
      Image: 'sha256:abc',
      Cmd: ['rake', 'db:migrate'],
      Env: ['SECRET=hunter2', 'MODE=-e wins', 'DYNO=run.42', 'RAW=$HOME {{.Task.Slot}}'],
      Labels: labels,
      Tty: false,
      attached: true,
      StopTimeout: 7,
      HostConfig: { NetworkMode: 'bridge', AutoRemove: true, Init: true },
    });
  });

  it('runs on the network of the app’s tasks (its deploy’s mode, not the id the engine keeps); a port of its own, a Procfile type’s label, the terminal size with a TTY', () => {
    const spec = runContainerSpec(plan({ port: 41234, procfileType: 'worker', tty: true, consoleSize: [30, 100] }, { networks: [{ Target: 'sj7n4ui4mjri3' }], networkMode: 'host', init: false }));
    expect(spec.HostConfig).toEqual({ NetworkMode: 'host', AutoRemove: true, ConsoleSize: [30, 100] });
    expect(spec.Env).toContain('PORT=41234');
    expect(spec.Labels['com.dokku.process-type']).toBe('worker');
    expect(runContainerSpec(plan({ consoleSize: [30, 100] }, { networks: [{ Target: 'q2w3e4r5t6' }], networkMode: 'backend' })).HostConfig).toEqual({ NetworkMode: 'backend', AutoRemove: true, Init: true });
  });
});

describe('a detached one-off: a one-off service on the swarm', () => {
  it('runs one task, never restarted, env escaped for Swarm’s templates, placed like the app', () => {
    expect(runServiceSpec(plan({}, { placementConstraints: ['node.role==worker'], networks: [{ Target: 'backend' }] }))).toEqual({
      Name: 'shop__run_42',
      Labels: labels,
      TaskTemplate: {
        ContainerSpec: {
          Image: 'sha256:abc',
          Args: ['rake', 'db:migrate'],
          Env: ['SECRET=hunter2', 'MODE=-e wins', 'DYNO=run.42', 'RAW=$HOME {{"{{"}}.Task.Slot}}'],
          Labels: labels,
          Init: true,
          StopGracePeriod: 7e9,
        },
        RestartPolicy: { Condition: 'none' },
        Placement: { Constraints: ['node.role==worker'] },
        Networks: [{ Target: 'backend' }],
      },
      Mode: { Replicated: { Replicas: 1 } },
      EndpointSpec: { Mode: 'dnsrr' },
    });
  });

  it('a terminal with --force-tty; no networks for bridge', () => {
    const spec = runServiceSpec(plan({ tty: true }));
    expect(spec.TaskTemplate.ContainerSpec.TTY).toBe(true);
    expect(spec.TaskTemplate).not.toHaveProperty('Networks');
    expect(spec.TaskTemplate.Placement).toEqual({});
  });
});
