import { describe, expect, it } from '@jest/globals';
import { schedulerTriggers } from '@pier/plugin-api';
import { appLifecycle } from './app-lifecycle.js';
import { contractCallOrder } from './contract-inputs.js';
import { pathsNaming } from './paths-naming.js';
import { fixedSchedulerSelection, recordingScheduler } from './recording-scheduler.js';
import { manifestProblems } from './contract-manifest.js';
import { describeSchedulerContract } from './scheduler-contract.js';
import { createTestHost } from './test-host.js';
import { fileScheduler } from './test-support/file-scheduler.js';

// The suite itself, against a scheduler that keeps state on disk and cleans up after itself.
describeSchedulerContract('files', () => ({ plugin: fileScheduler() }), { tracksDeployments: true });

// The smallest scheduler the contract allows: the four required methods and nothing else (no
// imageInfo). It must pass, pier deploy's path included.
describeSchedulerContract('required-only', () => ({ plugin: recordingScheduler('required-only').plugin }), { tracksDeployments: false });

describe('manifest check', () => {
  const manifest = (pier: object, name = '@acme/pier-scheduler-files') => ({ name, pier: { apiVersion: 1, factory: 'f', ...pier } });

  it('accepts a manifest naming the scheduler the code registers', async () => {
    expect(await manifestProblems(manifest({ kind: 'scheduler', scheduler: 'files' }), '@acme/pier-scheduler-files', ['files'])).toEqual([]);
  });

  it.each([
    // The lines plugin:install prints for the same package.
    ['another scheduler', manifest({ kind: 'scheduler', scheduler: 'other' }), ['files'], '@acme/pier-scheduler-files registers scheduler files, but its manifest says scheduler other'],
    ['kind plugin', manifest({ kind: 'plugin' }), ['files'], '@acme/pier-scheduler-files registers scheduler files, but its manifest says it is not a scheduler (kind "plugin")'],
    ['no scheduler registered', manifest({ kind: 'scheduler', scheduler: 'files' }), [], '@acme/pier-scheduler-files registers no scheduler, but its manifest says scheduler files'],
    ['another package name', manifest({ kind: 'scheduler', scheduler: 'files' }, 'pier-scheduler-x'), ['files'], 'pier-scheduler-x: f() built a plugin named "@acme/pier-scheduler-files"; it must be named after its package'],
    ['no "pier" field', { name: '@acme/pier-scheduler-files' }, ['files'], '@acme/pier-scheduler-files is not a Pier plugin: its package.json has no "pier" field'],
  ])('reports %s', async (_case, pkg, registered, problem) => {
    expect(await manifestProblems(pkg, '@acme/pier-scheduler-files', registered)).toEqual([problem]);
  });
});

describe('contract building blocks', () => {
  it('calls every scheduler method in the capability check, deploy first', () => {
    expect([...contractCallOrder].sort()).toEqual(Object.keys(schedulerTriggers).sort());
    expect(contractCallOrder[0]).toBe('deploy');
  });

  it('drives destroy in @pier/apps order, skipping capabilities the scheduler lacks', async () => {
    const recorder = recordingScheduler('rec', { postDelete: () => undefined });
    const host = await createTestHost({ plugins: [fixedSchedulerSelection('rec'), recorder.plugin], apps: ['blog'] });

    await appLifecycle(host).destroy('blog');

    expect(recorder.calls).toEqual([
      { method: 'stop', input: { app: 'blog', removeContainers: true } },
      { method: 'postDelete', input: { app: 'blog' } },
    ]);
    expect(host.registry?.apps.has('blog')).toBe(false);
    host.dispose();
  });

  it('renames by creating the new app, moving settings, then destroying the old one', async () => {
    const recorder = recordingScheduler('rec');
    const host = await createTestHost({ plugins: [fixedSchedulerSelection('rec'), recorder.plugin], apps: ['blog'] });
    host.properties?.values.set('rec/blog/zone', 'b');

    await appLifecycle(host).rename('blog', 'journal');

    expect([...(host.registry?.apps ?? [])]).toEqual(['journal']);
    expect(host.properties?.get('rec', 'journal', 'zone')).toBe('b');
    expect(recorder.calls).toEqual([{ method: 'stop', input: { app: 'blog', removeContainers: true } }]);
    host.dispose();
  });

  it('finds what a scheduler left behind for a destroyed app', async () => {
    const host = await createTestHost({ plugins: [fixedSchedulerSelection('files'), fileScheduler({ leaveFilesBehind: true })], apps: ['blog'] });
    await host.bus.keyed(schedulerTriggers.deploy, 'files', {
      app: 'blog',
      release: { image: 'x', processes: [], env: {}, restartPolicy: 'no', stopTimeoutSeconds: 0, waitToRetireSeconds: 0, defaultUptimeSeconds: 0 },
    });

    await appLifecycle(host).destroy('blog');

    expect(pathsNaming(host.root, 'blog')).toEqual(['data/scheduler-files/blog.json']);
    host.dispose();
  });
});
