// Cold start with one third-party scheduler installed, against `node -e 0` and against no
// plugin at all, measured in the same run. An installed plugin whose manifest is unchanged since
// plugin:install is loaded without zod, so it should cost a few milliseconds, not ~110 ms.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { fmt, median, pierBin, timeCommand } from './lib/measure.mjs';

const repo = fileURLToPath(new URL('..', import.meta.url));
const base = mkdtempSync(join(tmpdir(), 'pier-bench-plugin-'));
const quiet = ['--no-audit', '--no-fund', '--loglevel=error'];
try {
  const bare = join(base, 'bare');
  const withPlugin = join(base, 'with-plugin');
  mkdirSync(join(withPlugin, 'plugins'), { recursive: true });
  // The plugin's @pier/plugin-api peer comes from this workspace's build, as in the e2e tests.
  const [packed] = JSON.parse(execFileSync('npm', ['pack', join(repo, 'packages/plugin-api'), '--json', '--pack-destination', base, ...quiet], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }));
  execFileSync('npm', ['install', '--prefix', join(withPlugin, 'plugins'), join(base, packed.filename), ...quiet], { stdio: 'pipe' });
  const install = spawnSync(process.execPath, [pierBin, 'plugin:install', join(repo, 'e2e/fixtures/plugins/pier-scheduler-example')], {
    env: { ...process.env, PIER_ROOT: withPlugin },
    encoding: 'utf8',
  });
  if (install.status !== 0) throw new Error(`plugin:install failed: ${install.stderr}`);

  const args = [pierBin, 'scheduler:report', '--global', '--scheduler-computed-selected'];
  const runs = Number(process.env.BENCH_RUNS ?? 30);
  const node = [];
  const none = [];
  const one = [];
  for (let i = 0; i < runs + 3; i++) {
    const keep = i >= 3; // three warm-up rounds
    const n = timeCommand(process.execPath, ['-e', '0'], { runs: 1, warmup: 0 });
    const a = timeCommand(process.execPath, args, { runs: 1, warmup: 0, env: { PIER_ROOT: bare } });
    const b = timeCommand(process.execPath, args, { runs: 1, warmup: 0, env: { PIER_ROOT: withPlugin } });
    if (keep) node.push(...n), none.push(...a), one.push(...b);
  }
  const result = { baseline: median(node), noPlugin: median(none), onePlugin: median(one) };
  console.log(JSON.stringify({ bench: 'cold-start-plugin', ...result, ratio: result.onePlugin / result.baseline, pluginCostMs: result.onePlugin - result.noPlugin }));
  console.error(
    `cold start with one third-party scheduler: node -e 0 ${fmt(result.baseline)}, no plugin ${fmt(result.noPlugin)}, one plugin ${fmt(result.onePlugin)} → ${(result.onePlugin / result.baseline).toFixed(2)}× (+${fmt(result.onePlugin - result.noPlugin)} for the plugin)`,
  );
} finally {
  rmSync(base, { recursive: true, force: true });
}
