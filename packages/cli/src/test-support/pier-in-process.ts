import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTestIO } from '@pier/plugin-testkit';
import { main } from '../main.js';
import type { NpmRunner } from '../plugins/npm-runner.js';

export interface PierRun {
  exitCode: number;
  stdout: string;
  stderr: string;
}

/** A temporary PIER_ROOT (plus a scratch directory for plugin folders) and `pier` run in-process. */
export interface PierSandbox {
  root: string;
  scratch: string;
  pier(...argv: string[]): Promise<PierRun>;
  dispose(): void;
}

export function pierSandbox(npm?: NpmRunner): PierSandbox {
  const base = mkdtempSync(join(tmpdir(), 'pier-plugins-'));
  const root = join(base, 'root');
  const scratch = join(base, 'scratch');
  return {
    root,
    scratch,
    async pier(...argv) {
      const io = createTestIO();
      const exitCode = await main(argv, { PIER_ROOT: root }, io, { cwd: scratch, ...(npm ? { npm } : {}) });
      return { exitCode, stdout: io.stdoutText(), stderr: io.stderrText() };
    },
    dispose: () => rmSync(base, { recursive: true, force: true }),
  };
}
