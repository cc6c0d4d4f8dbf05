// Cold start of a property command against `node -e 0`, measured in the same run.
// Target (issue #2): pier scheduler:report <app> --scheduler-computed-selected ≤ 2.0× node -e 0.
import { mkdtempSync, rmSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { compare, fmt, pierBin } from './lib/measure.mjs';

const root = mkdtempSync(join(tmpdir(), 'pier-bench-'));
try {
  const env = { PIER_ROOT: root };
  spawnSync(process.execPath, [pierBin, 'apps:create', 'bench-app'], { env: { ...process.env, ...env } });
  const result = compare(
    [process.execPath, ['-e', '0']],
    [process.execPath, [pierBin, 'scheduler:report', 'bench-app', '--scheduler-computed-selected']],
    { runs: Number(process.env.BENCH_RUNS ?? 30), env },
  );
  console.log(JSON.stringify({ bench: 'cold-start', ...result }));
  console.error(`cold start: node -e 0 ${fmt(result.baseline)}, pier ${fmt(result.subject)} → ${result.ratio.toFixed(2)}× (target ≤ 2.0×)`);
} finally {
  rmSync(root, { recursive: true, force: true });
}
