/**
 * The Procfile format as Dokku reads it: procfile-util in strict mode, with its error messages.
 * A Procfile that breaks any rule is refused as a whole rather than half-used, so a merge
 * conflict or a typo never starts the wrong processes.
 */
import { ErrorCodes, PierError, ProcfileCommandSyntaxError, splitProcfileCommand } from '@pier/plugin-api';

/** Process type → command, sorted by type (the order procfile-util lists them in). */
export type Procfile = ReadonlyMap<string, string>;

/** A DNS label (RFC 1123): the strict-mode process type rule, also used for `ps:scale` names. */
export const PROCESS_TYPE_PATTERN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const MAX_PROCESS_TYPE_LENGTH = 63;

const STRICT_LINE = /^([a-z0-9]([-a-z0-9]*[a-z0-9])?):\s*(.+)$/;
/** What non-strict mode would accept: only used to say "invalid characters" rather than "invalid line". */
const LOOSE_LINE = /^([A-Za-z0-9_-]+):\s*(.+)$/;
const TRAILING_HASH_COMMENT = /^(.*)\s#.+$/;
const TRAILING_SLASH_COMMENT = /^(.*)\s\/\/.+$/;

export class ProcfileError extends PierError {
  constructor(detail: string) {
    super(ErrorCodes.DEPLOY_FAILED, `Invalid Procfile: ${detail}`);
  }
}

export function isValidProcessType(name: string): boolean {
  return name.length <= MAX_PROCESS_TYPE_LENGTH && PROCESS_TYPE_PATTERN.test(name);
}

const isComment = (text: string) => text.startsWith('#') || text.startsWith('//');

function stripTrailingComment(command: string): string {
  const hash = TRAILING_HASH_COMMENT.exec(command);
  if (hash) return hash[1]!;
  const slash = TRAILING_SLASH_COMMENT.exec(command);
  return slash ? slash[1]! : command;
}

export function parseProcfile(text: string): Procfile {
  const entries = new Map<string, string>();
  const lines = text.split('\n');
  for (const [index, raw] of lines.entries()) {
    const lineNumber = index + 1;
    const line = raw.trim();
    if (line === '' || isComment(line)) continue;

    const strict = STRICT_LINE.exec(line);
    if (!strict) {
      if (!LOOSE_LINE.test(line)) throw new ProcfileError(`invalid line in procfile, line ${lineNumber}`);
      throw new ProcfileError(`process name contains invalid characters, line ${lineNumber}`);
    }
    const name = strict[1]!;
    if (name.length > MAX_PROCESS_TYPE_LENGTH) throw new ProcfileError(`process name over 63 characters, line ${lineNumber}`);
    if (entries.has(name)) throw new ProcfileError(`process names must be unique, line ${lineNumber}`);

    const command = stripTrailingComment(strict[3]!).trim();
    if (isComment(command)) throw new ProcfileError(`comment specified in place of command, line ${lineNumber}`);
    if (command === '') throw new ProcfileError(`no command specified, line ${lineNumber}`);
    // Not procfile-util's: Dokku finds out only when the container fails to start. Checked with
    // the splitting every scheduler uses, so a command no scheduler could split never deploys.
    const quoting = quotingProblem(command);
    if (quoting) throw new ProcfileError(`${quoting} in command, line ${lineNumber}`);
    entries.set(name, command);
  }
  if (entries.size === 0) throw new ProcfileError('no entries found in Procfile');
  return new Map([...entries].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

function quotingProblem(command: string): string | null {
  try {
    splitProcfileCommand(command, '');
    return null;
  } catch (error) {
    if (error instanceof ProcfileCommandSyntaxError) return error.problem;
    throw error;
  }
}
