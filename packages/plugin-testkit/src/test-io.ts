import { PassThrough, Writable } from 'node:stream';
import type { PluginIO } from '@pier/plugin-api';

/** A PluginIO whose output is kept in memory. */
export interface TestIO extends PluginIO {
  stdoutText(): string;
  stderrText(): string;
  /** Forget what was written so far. */
  clear(): void;
}

function memoryWritable(chunks: string[]): Writable {
  return new Writable({
    write(chunk: Buffer | string, _encoding, callback) {
      chunks.push(chunk.toString());
      callback();
    },
  });
}

export function createTestIO(options: { isTTY?: boolean; stdin?: string } = {}): TestIO {
  const out: string[] = [];
  const err: string[] = [];
  const stdin = new PassThrough();
  stdin.end(options.stdin ?? '');
  return {
    stdout: memoryWritable(out),
    stderr: memoryWritable(err),
    stdin,
    isTTY: options.isTTY ?? false,
    stdoutText: () => out.join(''),
    stderrText: () => err.join(''),
    clear() {
      out.length = 0;
      err.length = 0;
    },
  };
}
