// `pier scheduler:report` (every app, text) over 100, 1,000 and 10,000 apps.
// Target (issue #2): 1,000 apps in ≤ 1 s on the benchmark machine. The apps are made directly on
// disk (a directory and a property each, exactly what apps:create leaves) to keep set-up fast.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fmt, median, pierBin, timeCommand } from './lib/measure.mjs';

const sizes = (process.env.BENCH_SIZES ?? '100,1000,10000').split(',').map(Number);
const results = [];
for (const size of sizes) {
  const root = mkdtempSync(join(tmpdir(), 'pier-bench-'));
  try {
    for (let i = 0; i < size; i++) {
      const app = `app-${String(i).padStart(5, '0')}`;
      mkdirSync(join(root, 'apps', app), { recursive: true });
      if (i % 3 === 0) {
        mkdirSync(join(root, 'config', 'scheduler', app), { recursive: true });
        writeFileSync(join(root, 'config', 'scheduler', app, 'selected'), 'null', { mode: 0o600 });
      }
    }
    const runs = size >= 10000 ? 3 : 7;
    const ms = median(timeCommand(process.execPath, [pierBin, 'scheduler:report'], { runs, warmup: 1, env: { PIER_ROOT: root } }));
    results.push({ apps: size, ms, msPerApp: ms / size });
    console.error(`scheduler:report over ${size} apps: ${fmt(ms)} (${(ms / size).toFixed(3)} ms/app)`);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}
console.log(JSON.stringify({ bench: 'report-scale', results }));
