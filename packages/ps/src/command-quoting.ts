/**
 * Whether a Procfile command's quoting is complete, by the shell rules schedulers split commands
 * with (a single quote runs to the next one, a double quote to the next unescaped one, a
 * backslash takes the next character). Checked when the Procfile is read, so a command no
 * scheduler could split is refused before anything deploys rather than halfway through.
 */
const WORD_PART = /'[^']*'|"(?:\\[\s\S]|[^"\\])*"|\\[\s\S]|[^'"\\]+/y;

/** What is wrong with the command's quoting, or null. */
export function quotingProblem(command: string): string | null {
  const part = new RegExp(WORD_PART.source, 'y');
  let at = 0;
  while (at < command.length) {
    part.lastIndex = at;
    if (!part.exec(command)) break;
    at = part.lastIndex;
  }
  if (at >= command.length) return null;
  const open = command[at];
  return open === "'" ? 'unterminated single quote' : open === '"' ? 'unterminated double quote' : 'trailing backslash';
}
