import { describe, expect, it } from '@jest/globals';
import { parseAppJson, EMPTY_APP_JSON } from './app-json.js';
import { buildRelease, type ReleaseSettings } from './build-release.js';
import { DEFAULT_CHECK_SETTINGS } from './check-settings.js';
import { parseProcfile } from './procfile-parser.js';
import type { ParsedSource } from './ps-state.js';

const settings: ReleaseSettings = {
  restartPolicy: 'on-failure:10',
  stopTimeoutSeconds: 30,
  dockerfileStartCmd: '',
  checks: DEFAULT_CHECK_SETTINGS,
};
const scale = (entries: Record<string, number>) => new Map(Object.entries(entries));
const source = (procfile: string | null, appJson?: unknown): ParsedSource => ({
  image: 'blog:1',
  procfile: procfile === null ? null : parseProcfile(procfile),
  appJson: appJson === undefined ? EMPTY_APP_JSON : parseAppJson(JSON.stringify(appJson)).appJson,
});

describe('buildRelease', () => {
  it('carries the image, the settings and one spec per scaled type, sorted', () => {
    const { release, skipped } = buildRelease(source('web: httpd -p $PORT\nworker: tick'), scale({ worker: 1, web: 2 }), settings);

    expect(release).toEqual({
      image: 'blog:1',
      processes: [
        { type: 'web', quantity: 2, command: 'httpd -p $PORT', maxParallel: 1, healthchecks: [], checks: 'enabled' },
        { type: 'worker', quantity: 1, command: 'tick', maxParallel: 1, healthchecks: [], checks: 'enabled' },
      ],
      env: {},
      restartPolicy: 'on-failure:10',
      stopTimeoutSeconds: 30,
      waitToRetireSeconds: 60,
      defaultUptimeSeconds: 10,
    });
    expect(skipped).toEqual([]);
  });

  it.each([
    ['no Procfile: web runs the image command', null, undefined, { web: 1 }, [['web', 1, null]]],
    ['a type at 0 is still part of the release (its containers are removed)', 'web: a\nworker: b', undefined, { web: 1, worker: 0 }, [['web', 1, 'a'], ['worker', 0, 'b']]],
    ['dockerfile-start-cmd replaces every command', 'web: a\nworker: b', 'node app.js', { web: 1, worker: 1 }, [['web', 1, 'node app.js'], ['worker', 1, 'node app.js']]],
    ['dockerfile-start-cmd without a Procfile', null, '--harmony server.js', { web: 1 }, [['web', 1, '--harmony server.js']]],
  ])('%s', (_name, procfile, startCmd, scaled, expected) => {
    const { release } = buildRelease(source(procfile), scale(scaled), { ...settings, dockerfileStartCmd: startCmd ?? '' });

    expect(release.processes.map((p) => [p.type, p.quantity, p.command])).toEqual(expected);
  });

  it('leaves out scaled types the image does not define, names them, and tells the scheduler to keep their processes', () => {
    const { release, skipped } = buildRelease(source('web: a'), scale({ web: 1, clock: 2, old: 0 }), settings);

    expect(release.processes.map((p) => p.type)).toEqual(['web']);
    expect(skipped).toEqual(['clock']);
    expect(release.retainedTypes).toEqual(['clock']);
    expect(buildRelease(source('web: a'), scale({ web: 1 }), settings).release).not.toHaveProperty('retainedTypes');
  });

  it('takes max_parallel and healthchecks from app.json, per type', () => {
    const appJson = {
      formation: { worker: { max_parallel: 3 } },
      healthchecks: { web: [{ path: '/health', attempts: 2 }], clock: [{ uptime: 1 }] },
    };

    const { release } = buildRelease(source('web: a\nworker: b', appJson), scale({ web: 1, worker: 4 }), settings);

    expect(release.processes.map((p) => [p.type, p.maxParallel, p.healthchecks])).toEqual([
      ['web', 1, [{ path: '/health', attempts: 2 }]],
      ['worker', 3, []],
    ]);
  });

  it('applies the check settings: per-type modes and the two durations', () => {
    const checks = { modes: { worker: 'disabled' as const, web: 'skipped' as const }, waitToRetireSeconds: 5, defaultUptimeSeconds: 2 };

    const { release } = buildRelease(source('web: a\nworker: b\nclock: c'), scale({ web: 1, worker: 1, clock: 1 }), { ...settings, checks });

    expect(release.processes.map((p) => [p.type, p.checks])).toEqual([
      ['clock', 'enabled'],
      ['web', 'skipped'],
      ['worker', 'disabled'],
    ]);
    expect([release.waitToRetireSeconds, release.defaultUptimeSeconds]).toEqual([5, 2]);
  });
});
