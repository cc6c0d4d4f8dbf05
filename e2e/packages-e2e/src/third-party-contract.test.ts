import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { execa } from 'execa';
import { lstatSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { consumerProject, workspaceRoot, type ConsumerProject } from './support/consumer-project.js';

// User kind 2, outside this repository: a scheduler package's own project installs the packed
// @pier/plugin-testkit (and its peers) and runs the contract suite against its scheduler.
let project: ConsumerProject;
beforeAll(async () => {
  const jest = JSON.parse(readFileSync(join(workspaceRoot, 'node_modules/jest/package.json'), 'utf8')) as { version: string };
  project = await consumerProject(
    ['plugin-api', 'plugin-testkit', join(workspaceRoot, 'e2e/fixtures/plugins/pier-scheduler-example')],
    [`jest@${jest.version}`, `@jest/globals@${jest.version}`],
  );
}, 300_000);
afterAll(() => project?.dispose());

describe('@pier/plugin-testkit installed from its tarball', () => {
  it('runs the scheduler contract suite in a third-party project', async () => {
    // Everything resolves inside the project: the scheduler was packed too, not linked.
    expect(lstatSync(join(project.dir, 'node_modules/pier-scheduler-example')).isSymbolicLink()).toBe(false);
    writeFileSync(
      join(project.dir, 'example.test.mjs'),
      [
        "import { describeSchedulerContract } from '@pier/plugin-testkit/contract';",
        "import { schedulerExample } from 'pier-scheduler-example';",
        '',
        "describeSchedulerContract('example', () => ({ plugin: schedulerExample() }), { tracksDeployments: true });",
        '',
      ].join('\n'),
    );

    const result = await execa(
      'node',
      ['--experimental-vm-modules', '--disable-warning=ExperimentalWarning', 'node_modules/jest/bin/jest.js', '--testMatch', '**/*.test.mjs', '--transform', '{}'],
      { cwd: project.dir, reject: false, env: { NO_COLOR: '1' } },
    );

    expect(result.exitCode).toBe(0);
    expect(String(result.stderr)).toMatch(/scheduler contract: example/);
    expect(String(result.stderr)).toMatch(/Tests: +10 passed, 10 total/);
  });
});
