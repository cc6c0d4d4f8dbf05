// Timing helpers for benchmarks: wall-clock medians of whole commands, baselines measured in the
// same run so results are ratios that survive a slower or busier machine.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const pierBin = fileURLToPath(new URL('../../packages/cli/bin/pier.js', import.meta.url));

export function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** Runs a command `runs` times (after `warmup` runs) and returns the wall times in ms. */
export function timeCommand(command, args, { runs = 20, warmup = 3, env = {} } = {}) {
  const times = [];
  for (let i = 0; i < warmup + runs; i++) {
    const start = process.hrtime.bigint();
    const result = spawnSync(command, args, { env: { ...process.env, ...env }, stdio: ['ignore', 'ignore', 'pipe'] });
    const ms = Number(process.hrtime.bigint() - start) / 1e6;
    if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed: ${result.stderr}`);
    if (i >= warmup) times.push(ms);
  }
  return times;
}

/** Interleaves two commands run by run, so drifts of the machine hit both equally. */
export function compare(baseline, subject, options = {}) {
  const runs = options.runs ?? 20;
  const a = [];
  const b = [];
  timeCommand(...baseline, { ...options, runs: 0 });
  timeCommand(...subject, { ...options, runs: 0 });
  for (let i = 0; i < runs; i++) {
    a.push(...timeCommand(...baseline, { ...options, runs: 1, warmup: 0 }));
    b.push(...timeCommand(...subject, { ...options, runs: 1, warmup: 0 }));
  }
  return { baseline: median(a), subject: median(b), ratio: median(b) / median(a) };
}

export const fmt = (ms) => `${ms.toFixed(1)} ms`;
