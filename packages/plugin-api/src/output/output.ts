import type { Readable, Writable } from 'node:stream';

/** The streams a command works with. The CLI passes the process's; tests pass buffers. */
export interface PluginIO {
  readonly stdout: Writable;
  readonly stderr: Writable;
  readonly stdin: Readable;
  /** True when stdin and stdout are both terminals (enables TTY for run/enter). */
  readonly isTTY: boolean;
}

/**
 * Dokku's output helpers (`dokku_log_*`), byte for byte. The `*Quiet` variants are suppressed by
 * the global `--quiet` flag; warnings and failures go to stderr.
 */
export interface Output {
  /** `-----> text` on stdout. */
  info1(text: string): void;
  info1Quiet(text: string): void;
  /** `=====> text` on stdout. */
  info2(text: string): void;
  info2Quiet(text: string): void;
  /** Seven spaces then text, on stdout. */
  verbose(text: string): void;
  verboseQuiet(text: string): void;
  /** ` !     text` on stdout. */
  exclaim(text: string): void;
  /** ` !     text` on stderr. */
  warn(text: string): void;
  /** ` ?     text` on stderr, only with `--trace`. */
  debug(text: string): void;
  /** Text followed by a newline on stdout, unprefixed (report values, tables, JSON). */
  line(text: string): void;
  /** Text as is on stdout. */
  write(text: string): void;
  /** Text followed by a newline on stderr, unprefixed (Dokku's `LogStderr`). */
  stderrLine(text: string): void;
  readonly quiet: boolean;
}

export interface OutputOptions {
  quiet?: boolean;
  trace?: boolean;
}

export function createOutput(io: Pick<PluginIO, 'stdout' | 'stderr'>, options: OutputOptions = {}): Output {
  const quiet = options.quiet ?? false;
  const out = (text: string) => void io.stdout.write(`${text}\n`);
  const err = (text: string) => void io.stderr.write(`${text}\n`);
  const unlessQuiet = (print: (text: string) => void) => (text: string) => {
    if (!quiet) print(text);
  };
  const info1 = (text: string) => out(`-----> ${text}`);
  const info2 = (text: string) => out(`=====> ${text}`);
  const verbose = (text: string) => out(`       ${text}`);
  return {
    quiet,
    info1,
    info1Quiet: unlessQuiet(info1),
    info2,
    info2Quiet: unlessQuiet(info2),
    verbose,
    verboseQuiet: unlessQuiet(verbose),
    exclaim: (text) => out(` !     ${text}`),
    warn: (text) => err(` !     ${text}`),
    debug: (text) => {
      if (options.trace) err(` ?     ${text}`);
    },
    line: out,
    write: (text) => void io.stdout.write(text),
    stderrLine: err,
  };
}
