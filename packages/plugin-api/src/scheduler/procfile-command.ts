/**
 * Turns a Procfile command (`ProcessSpec.command`) into an argv: the one splitting rule every
 * scheduler uses, and the one the Procfile check applies before anything deploys. Words are
 * split the way a POSIX shell splits them: blanks separate words, single quotes are literal,
 * double quotes group and honour `\"`, `\\`, `\$` and `` \` ``, a backslash outside quotes escapes
 * the next character. Nothing is expanded (no globbing, no `$(...)`, no `~`), except `$PORT` and
 * `${PORT}`, which are substituted where a shell would expand them (unquoted or inside double
 * quotes, not inside single quotes), so `sh -c 'exec httpd -p $PORT'` keeps its `$PORT` for the
 * inner shell, which sees PORT in its env.
 */
export type QuotingProblem = 'unterminated single quote' | 'unterminated double quote' | 'trailing backslash';

export class ProcfileCommandSyntaxError extends Error {
  override name = 'ProcfileCommandSyntaxError';
  constructor(
    readonly problem: QuotingProblem,
    command: string,
  ) {
    super(`${problem} in: ${command}`);
  }
}

const BLANK = /[ \t\n]/;
const PORT_REFERENCE = /^(\$PORT(?![A-Za-z0-9_])|\$\{PORT\})/;
const DOUBLE_QUOTE_ESCAPABLE = new Set(['"', '\\', '$', '`', '\n']);

/** `port` replaces `$PORT` / `${PORT}` where a shell would expand them. */
export function splitProcfileCommand(command: string, port: string): string[] {
  const words: string[] = [];
  let word = '';
  // A word exists once anything (even an empty '' pair) was read since the last blank.
  let inWord = false;
  let i = 0;

  const substitutePort = (): boolean => {
    const match = PORT_REFERENCE.exec(command.slice(i));
    if (!match) return false;
    word += port;
    i += match[0].length;
    return true;
  };

  while (i < command.length) {
    const ch = command[i]!;
    if (BLANK.test(ch)) {
      if (inWord) words.push(word);
      word = '';
      inWord = false;
      i++;
      continue;
    }
    inWord = true;
    if (ch === "'") {
      const end = command.indexOf("'", i + 1);
      if (end < 0) throw new ProcfileCommandSyntaxError('unterminated single quote', command);
      word += command.slice(i + 1, end);
      i = end + 1;
    } else if (ch === '"') {
      i++;
      for (;;) {
        if (i >= command.length) throw new ProcfileCommandSyntaxError('unterminated double quote', command);
        const c = command[i]!;
        if (c === '"') break;
        if (c === '\\' && DOUBLE_QUOTE_ESCAPABLE.has(command[i + 1] ?? '')) {
          // A backslash-newline inside double quotes is a line continuation: both vanish.
          if (command[i + 1] !== '\n') word += command[i + 1];
          i += 2;
        } else if (c === '$' && substitutePort()) {
          continue;
        } else {
          word += c;
          i++;
        }
      }
      i++;
    } else if (ch === '\\') {
      if (i + 1 >= command.length) throw new ProcfileCommandSyntaxError('trailing backslash', command);
      if (command[i + 1] !== '\n') word += command[i + 1];
      else if (word === '') inWord = false;
      i += 2;
    } else if (ch === '$' && substitutePort()) {
      continue;
    } else {
      word += ch;
      i++;
    }
  }
  if (inWord) words.push(word);
  return words;
}
