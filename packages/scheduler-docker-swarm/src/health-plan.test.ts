import { describe, expect, it } from '@jest/globals';
import type { Healthcheck } from '@pier/plugin-api';
import { planHealth } from './health-plan.js';
import { processSpec } from './test-support/unit-host.js';

const plan = (healthchecks: Healthcheck[], checks: 'enabled' | 'disabled' | 'skipped' = 'enabled') =>
  planHealth(processSpec('web', 1, { healthchecks, checks }), 5000, 10);

describe('planHealth: app.json checks as a Swarm Healthcheck and a monitor period', () => {
  it('without checks: the image decides, and tasks must stay up default-wait seconds', () => {
    expect(plan([])).toEqual({ health: undefined, monitorSeconds: 10, notes: ['No healthchecks defined: the default check asks each new task to stay up 10 seconds'] });
  });

  it('a path check is a wget (or curl) of 127.0.0.1:$PORT from inside the task, with its content', () => {
    const { health, monitorSeconds } = plan([{ path: '/health', content: "it's ok", attempts: 10, wait: 2, timeout: 3, initialDelay: 4 }]);
    expect(health).toEqual({
      Test: ['CMD-SHELL', `{ wget -q -O - http://127.0.0.1:5000/health 2>/dev/null || curl -fsS http://127.0.0.1:5000/health; } | grep -qF -- 'it'\\''s ok'`],
      Interval: 2e9,
      Timeout: 3e9,
      StartPeriod: 4e9,
      Retries: 10,
    });
    expect(monitorSeconds).toBe(1);
  });

  it('a command check runs as is; with content through the shell', () => {
    expect(plan([{ command: ['/app/check', '--quick'] }]).health?.Test).toEqual(['CMD', '/app/check', '--quick']);
    expect(plan([{ command: ['cat', '/tmp/state file'], content: 'ready' }]).health?.Test).toEqual(['CMD-SHELL', "cat '/tmp/state file' | grep -qF -- ready"]);
  });

  it('a listening check reads /proc/net/tcp for the port (needs only grep)', () => {
    expect(plan([{ listening: true, port: 8080 }]).health?.Test).toEqual([
      'CMD-SHELL',
      "grep -qE '^ *[0-9]+: [0-9A-F]+:1F90 [0-9A-F]+:[0-9A-F]+ 0A' /proc/net/tcp /proc/net/tcp6",
    ]);
  });

  it('several checks join with &&, take the strictest settings, uptime becomes the monitor, warn-only ones are left out', () => {
    const result = plan([
      { name: 'a', command: ['true'], attempts: 2, wait: 3, timeout: 1 },
      { name: 'b', path: '/', port: 9000, attempts: 5, wait: 1, timeout: 4 },
      { name: 'c', uptime: 15 },
      { name: 'd', path: '/slow', warn: true },
      { name: 'e', type: 'liveness', command: ['false'] },
    ]);
    expect(result.health).toEqual({
      Test: ['CMD-SHELL', 'true && { wget -q -O - http://127.0.0.1:9000/ 2>/dev/null || curl -fsS http://127.0.0.1:9000/; }'],
      Interval: 1e9,
      Timeout: 4e9,
      StartPeriod: 0,
      Retries: 5,
    });
    expect(result.monitorSeconds).toBe(15);
    expect(result.notes).toEqual([
      "Healthcheck name='c' asks each new task to stay up 15 seconds",
      "Healthcheck name='d' is warn-only: Swarm health checks cannot warn, it is not run",
      "Healthcheck name='a' runs inside each new task",
      "Healthcheck name='b' runs inside each new task",
    ]);
  });

  it('only uptime checks: no health check, the monitor waits for the longest', () => {
    expect(plan([{ uptime: 3 }, { uptime: 7 }])).toMatchObject({ health: undefined, monitorSeconds: 7 });
  });

  it('checks skipped or disabled turn every health check off, the image’s too', () => {
    for (const mode of ['skipped', 'disabled'] as const) {
      expect(plan([{ path: '/' }], mode)).toEqual({ health: { Test: ['NONE'] }, monitorSeconds: 0, notes: [] });
    }
  });

  it('never sends 0 durations (Docker would read them as "inherit")', () => {
    expect(plan([{ command: ['true'], wait: 0, timeout: 0 }]).health).toMatchObject({ Interval: 1e9, Timeout: 1e9 });
  });
});
