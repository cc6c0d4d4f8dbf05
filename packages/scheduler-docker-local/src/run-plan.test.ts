import { describe, expect, it } from '@jest/globals';
import { buildRunSpec, resolveRunCommand, runEnv, type RunPlan } from './run-plan.js';
import { processSpec, release } from './test-support/unit-host.js';

const procfile = release([
  processSpec('web', 1, { command: 'httpd -f -p $PORT' }),
  processSpec('worker', 0, { command: "sh -c 'echo \"$JOB\"'" }),
  processSpec('image-cmd', 1, { command: null }),
]);

describe('resolveRunCommand', () => {
  it.each([
    ['no command: the shell', [], null, { argv: null, procfileType: null }],
    ['a plain command', ['ls', '-la'], null, { argv: ['ls', '-la'], procfileType: null }],
    ['a Procfile type, PORT 5000 outside host mode', ['web'], null, { argv: ['httpd', '-f', '-p', '5000'], procfileType: 'web' }],
    ['a Procfile type, the host-mode port', ['web', '-v'], 41234, { argv: ['httpd', '-f', '-p', '41234', '-v'], procfileType: 'web' }],
    ['quotes honoured, $JOB left for the shell', ['worker'], null, { argv: ['sh', '-c', 'echo "$JOB"'], procfileType: 'worker' }],
    ['a type without a Procfile command is just a word', ['image-cmd'], null, { argv: ['image-cmd'], procfileType: null }],
    ['only the first word is matched', ['echo', 'web'], null, { argv: ['echo', 'web'], procfileType: null }],
  ])('%s', (_name, command, port, expected) => {
    expect(resolveRunCommand(procfile, command, port)).toEqual(expected);
  });

  it('uses the release PORT when there is one', () => {
    expect(resolveRunCommand({ ...procfile, env: { PORT: '8080' } }, ['web'], null).argv).toEqual(['httpd', '-f', '-p', '8080']);
  });

  it('reports a broken Procfile command', () => {
    const broken = release([processSpec('web', 1, { command: "echo 'unterminated" })]);
    expect(() => resolveRunCommand(broken, ['web'], null)).toThrow('Invalid Procfile command for web: unterminated single quote');
  });
});

describe('runEnv', () => {
  it.each([
    ['release env, then DYNO', { A: '1' }, {}, null, ['A=1', 'DYNO=run.42']],
    ['PORT in host mode', {}, {}, 41234, ['DYNO=run.42', 'PORT=41234']],
    ['-e values literally, overriding the release', { A: '1' }, { A: '$(id)', B: "'x' \"y\"" }, null, ['A=$(id)', 'DYNO=run.42', `B='x' "y"`]],
    ['an empty value', {}, { EMPTY: '' }, null, ['DYNO=run.42', 'EMPTY=']],
  ])('%s', (_name, releaseEnv, extra, port, expected) => {
    expect(runEnv(releaseEnv, extra, 'run.42', port)).toEqual(expected);
  });
});

describe('buildRunSpec', () => {
  const plan: RunPlan = {
    app: 'shop',
    number: 4242,
    procfileType: null,
    image: 'sha256:abc',
    argv: ['sh', '-c', 'exit 3'],
    releaseEnv: { SECRET: 's' },
    env: { A: '$(id)' },
    port: null,
    tty: false,
    detach: false,
    ttlSeconds: 86400,
    networkMode: 'none',
    init: true,
    limitLogSize: true,
  };

  it('builds an attached one-off container: stdin open until the caller closes it, removed by the engine', () => {
    expect(buildRunSpec(plan)).toEqual({
      name: 'shop.run.4242',
      Image: 'sha256:abc',
      Cmd: ['sh', '-c', 'exit 3'],
      Env: ['SECRET=s', 'DYNO=run.4242', 'A=$(id)'],
      Labels: {
        'com.dokku.app-name': 'shop',
        'com.dokku.container-type': 'run',
        'com.dokku.active-deadline-seconds': '86400',
      },
      Tty: false,
      OpenStdin: true,
      StdinOnce: true,
      AttachStdin: true,
      AttachStdout: true,
      AttachStderr: true,
      HostConfig: { NetworkMode: 'none', AutoRemove: true, Init: true, LogConfig: { Type: '', Config: { 'max-size': '10m' } } },
    });
  });

  it('a process-type label only when a Procfile command runs, as in Dokku', () => {
    expect(buildRunSpec({ ...plan, procfileType: 'worker' }).Labels['com.dokku.process-type']).toBe('worker');
    expect(buildRunSpec(plan).Labels).not.toHaveProperty('com.dokku.process-type');
  });

  it.each([
    ['a TTY with a known size: set at create', { tty: true, consoleSize: [30, 100] as [number, number] }, [30, 100]],
    ['a TTY of unknown size', { tty: true }, undefined],
    ['no TTY', { tty: false, consoleSize: [30, 100] as [number, number] }, undefined],
  ])('console size: %s', (_name, overrides, expected) => {
    expect(buildRunSpec({ ...plan, ...overrides }).HostConfig.ConsoleSize).toEqual(expected);
  });

  it('detached: no stdin, removed by the engine when it exits, TTY only when forced', () => {
    const spec = buildRunSpec({ ...plan, detach: true, tty: true, init: false, limitLogSize: false, ttlSeconds: 30, networkMode: 'host', port: 40000 });
    expect(spec).toMatchObject({ Tty: true, OpenStdin: false, StdinOnce: false, AttachStdin: false, AttachStdout: false });
    expect(spec.HostConfig).toEqual({ NetworkMode: 'host', AutoRemove: true });
    expect(spec.Env).toContain('PORT=40000');
    expect(spec.Labels['com.dokku.active-deadline-seconds']).toBe('30');
  });

  it('never carries the deploy labels', () => {
    const labels = buildRunSpec(plan).Labels;
    expect(labels).not.toHaveProperty('dokku');
    expect(labels).not.toHaveProperty('org.label-schema.vendor');
  });
});
