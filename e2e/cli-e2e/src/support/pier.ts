import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execa, type Options } from 'execa';

const require = createRequire(import.meta.url);
/** The built binary, resolved the way an installed package's bin would be. */
export const pierBin = join(require.resolve('@pier/cli/package.json'), '..', 'bin', 'pier.js');

export interface PierResult {
  exitCode: number;
  stdout: string;
  stderr: string;
}

export interface PierEnvironment {
  /** The temporary PIER_ROOT of this test file. */
  root: string;
  pier(args: string[], options?: Pick<Options, 'input' | 'env' | 'timeout'>): Promise<PierResult>;
  dispose(): void;
}

/** A word for `sh -c`, single-quoted. */
export const shellQuote = (word: string) => `'${word.replace(/'/g, `'\\''`)}'`;

/** Env for a `pier` that finds no Docker engine (a socket path nothing listens on). */
export const noEngine = { DOCKER_HOST: `unix://${join(tmpdir(), 'pier-e2e-no-engine.sock')}` };

/** A temporary PIER_ROOT and a runner for the built `pier` binary, as a user would invoke it. */
export function pierEnvironment(): PierEnvironment {
  const root = mkdtempSync(join(tmpdir(), 'pier-e2e-'));
  return {
    root,
    async pier(args, options = {}) {
      const result = await execa('node', [pierBin, ...args], {
        reject: false,
        stripFinalNewline: false,
        input: options.input ?? '',
        timeout: options.timeout ?? 170_000,
        env: { PIER_ROOT: root, NO_COLOR: '1', ...options.env },
        extendEnv: true,
      });
      return { exitCode: result.exitCode ?? -1, stdout: String(result.stdout), stderr: String(result.stderr) };
    },
    dispose() {
      rmSync(root, { recursive: true, force: true });
    },
  };
}
