import { describe, expect, it } from '@jest/globals';
import { buildCreateOptions, dynoEnv, parseRestartPolicy, type DynoPlan } from './create-options.js';

const base: DynoPlan = {
  app: 'shop',
  type: 'web',
  index: 1,
  image: 'shop:1',
  command: ['httpd', '-f'],
  env: { SECRET: 's3cret' },
  port: 5000,
  init: true,
  networkMode: 'bridge',
  restartPolicy: 'on-failure:10',
  loggingDriver: 'json-file',
  random: 4242,
};

describe('buildCreateOptions', () => {
  it('builds Dokku’s create arguments for a web dyno', () => {
    expect(buildCreateOptions(base)).toEqual({
      name: 'shop.web.1.upcoming-4242',
      Image: 'shop:1',
      Cmd: ['httpd', '-f'],
      Env: ['SECRET=s3cret', 'DYNO=web.1', 'PORT=5000'],
      Labels: {
        'com.dokku.process-type': 'web',
        'com.dokku.dyno': 'web.1',
        'com.dokku.app-name': 'shop',
        'com.dokku.container-type': 'deploy',
        'org.label-schema.schema-version': '1.0',
        'org.label-schema.vendor': 'dokku',
        dokku: '',
      },
      HostConfig: {
        NetworkMode: 'bridge',
        Init: true,
        RestartPolicy: { Name: 'on-failure', MaximumRetryCount: 10 },
        LogConfig: { Type: '', Config: { 'max-size': '10m' } },
      },
    });
  });

  it.each<[string, Partial<DynoPlan>, (spec: ReturnType<typeof buildCreateOptions>) => unknown, unknown]>([
    ['null command runs the image CMD', { command: null }, (s) => 'Cmd' in s, false],
    ['init false leaves Init out', { init: false }, (s) => s.HostConfig.Init, undefined],
    ['journald gets no max-size', { loggingDriver: 'journald' }, (s) => s.HostConfig.LogConfig, undefined],
    ['local driver gets max-size', { loggingDriver: 'local' }, (s) => s.HostConfig.LogConfig?.Config['max-size'], '10m'],
    ['host network', { networkMode: 'host' }, (s) => s.HostConfig.NetworkMode, 'host'],
    ['named network', { networkMode: 'backend_1' }, (s) => s.HostConfig.NetworkMode, 'backend_1'],
    ['worker gets an empty PORT, as Dokku’s --env=PORT=', { type: 'worker', index: 3, port: null }, (s) => s.Env, ['SECRET=s3cret', 'DYNO=worker.3', 'PORT=']],
    ['host-mode web: where it listens, as a label', { networkMode: 'host', port: 40001 }, (s) => s.Labels['com.pier.listen'], '127.0.0.1:40001'],
    ['bridge-mode web: nothing listens on loopback', { port: 5000 }, (s) => s.Labels['com.pier.listen'], undefined],
    ['worker name and dyno label', { type: 'worker', index: 12 }, (s) => [s.name, s.Labels['com.dokku.dyno']], ['shop.worker.12.upcoming-4242', 'worker.12']],
    ['restart always', { restartPolicy: 'always' }, (s) => s.HostConfig.RestartPolicy, { Name: 'always' }],
  ])('%s', (_name, change, pick, expected) => {
    expect(pick(buildCreateOptions({ ...base, ...change }))).toEqual(expected);
  });
});

describe('parseRestartPolicy', () => {
  it.each([
    ['no', { Name: 'no' }],
    ['', { Name: 'no' }],
    ['always', { Name: 'always' }],
    ['unless-stopped', { Name: 'unless-stopped' }],
    ['on-failure', { Name: 'on-failure' }],
    ['on-failure:3', { Name: 'on-failure', MaximumRetryCount: 3 }],
  ])('%j', (policy, expected) => {
    expect(parseRestartPolicy(policy)).toEqual(expected);
  });
});

describe('dynoEnv', () => {
  it('lets the scheduler own DYNO and PORT', () => {
    expect(dynoEnv({ DYNO: 'x', PORT: '1', A: 'b=c' }, 'web.2', 6000)).toEqual(['DYNO=web.2', 'PORT=6000', 'A=b=c']);
    expect(dynoEnv({ PORT: '1' }, 'worker.1', null)).toEqual(['PORT=', 'DYNO=worker.1']);
  });
});
