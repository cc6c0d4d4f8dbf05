/**
 * A Procfile command as argv, split the way docker-local splits it (and a POSIX shell splits
 * words): blanks separate words; '…' is literal; "…" groups and honours \" \\ \$ \` and
 * backslash-newline; a backslash outside quotes escapes the next character. Nothing is expanded
 * except `$PORT` / `${PORT}`, unquoted or inside double quotes, so `sh -c 'exec httpd -p $PORT'`
 * keeps its `$PORT` for the inner shell (which has PORT in its environment).
 */
export class CommandSyntaxError extends Error {
  override name = 'CommandSyntaxError';
}

const PORT = String.raw`\$PORT(?![A-Za-z0-9_])|\$\{PORT\}`;
/** One token: blanks | '…' | "…" | \x | a $PORT reference | any other run of characters. */
const TOKEN = new RegExp(String.raw`([ \t\n]+)|'([^']*)'|"((?:[^"\\]|\\[\s\S])*)"|\\([\s\S])|(${PORT})|([^ \t\n'"\\$]+|\$)`, 'y');
const IN_DOUBLE_QUOTES = new RegExp(String.raw`\\(["\\$\x60\n])|${PORT}`, 'g');

function unterminated(command: string, at: number): CommandSyntaxError {
  const what = command[at] === "'" ? 'single quote' : command[at] === '"' ? 'double quote' : 'backslash';
  return new CommandSyntaxError(`${what === 'backslash' ? 'trailing' : 'unterminated'} ${what} in: ${command}`);
}

export function splitCommand(command: string, port: string): string[] {
  const words: string[] = [];
  let word: string | null = null;
  TOKEN.lastIndex = 0;
  while (TOKEN.lastIndex < command.length) {
    const at = TOKEN.lastIndex;
    const match = TOKEN.exec(command);
    if (!match) throw unterminated(command, at);
    const [, blanks, single, double, escaped, portReference, plain] = match;
    if (blanks !== undefined) {
      if (word !== null) words.push(word);
      word = null;
    } else if (escaped === '\n') {
      // A line continuation joins lines; on its own it does not start a word.
    } else {
      const piece =
        single ??
        (double !== undefined
          ? double.replace(IN_DOUBLE_QUOTES, (_, char: string | undefined) => (char === undefined ? port : char === '\n' ? '' : char))
          : (escaped ?? (portReference !== undefined ? port : (plain ?? ''))));
      word = (word ?? '') + piece;
    }
  }
  if (word !== null) words.push(word);
  return words;
}
