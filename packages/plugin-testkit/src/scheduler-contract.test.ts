import { describe, expect, it } from '@jest/globals';
import { schedulerTriggers } from '@pier/plugin-api';
import { appLifecycle } from './app-lifecycle.js';
import { contractCallOrder } from './contract-inputs.js';
import { pathsNaming } from './paths-naming.js';
import { fixedSchedulerSelection, recordingScheduler } from './recording-scheduler.js';
import { describeSchedulerContract } from './scheduler-contract.js';
import { createTestHost } from './test-host.js';
import { fileScheduler } from './test-support/file-scheduler.js';

// The suite itself, against a scheduler that keeps state on disk and cleans up after itself.
describeSchedulerContract('files', () => ({ plugin: fileScheduler() }), { tracksDeployments: true });

// The smallest scheduler the contract allows: the four required methods and nothing else (no
// imageInfo). It must pass, pier deploy's path included.
describeSchedulerContract('required-only', () => ({ plugin: recordingScheduler('required-only').plugin }), { tracksDeployments: false });

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
