import { describe, expect, it } from '@jest/globals';
import { ProcfileCommandSyntaxError, splitProcfileCommand } from './procfile-command.js';

describe('splitProcfileCommand', () => {
  it.each<[string, string[]]>([
    ['httpd -f -p 127.0.0.1:$PORT', ['httpd', '-f', '-p', '127.0.0.1:5000']],
    ['node server.js --port=${PORT}', ['node', 'server.js', '--port=5000']],
    ['  many   blanks\there  ', ['many', 'blanks', 'here']],
    [`sh -c 'echo $PORT; sleep 1'`, ['sh', '-c', 'echo $PORT; sleep 1']],
    [`sh -c "echo $PORT; sleep 1"`, ['sh', '-c', 'echo 5000; sleep 1']],
    [`echo "a \\"quoted\\" word" 'it''s'`, ['echo', 'a "quoted" word', 'its']],
    [`echo "\\$PORT" \\$PORT`, ['echo', '$PORT', '$PORT']],
    [`echo $PORTS $PORT_X $PORT.`, ['echo', '$PORTS', '$PORT_X', '5000.']],
    [`echo $(id) \`id\` ~ *`, ['echo', '$(id)', '`id`', '~', '*']],
    [`echo '' ""`, ['echo', '', '']],
    [`echo a\\ b c`, ['echo', 'a b', 'c']],
    [`echo "keep \\n backslash"`, ['echo', 'keep \\n backslash']],
    ['', []],
  ])('%s', (command, argv) => {
    expect(splitProcfileCommand(command, '5000')).toEqual(argv);
  });

  it.each([
    [`echo 'open`, 'unterminated single quote'],
    [`echo "open`, 'unterminated double quote'],
    [`echo trailing\\`, 'trailing backslash'],
  ])('rejects %s (%s)', (command, problem) => {
    const attempt = () => splitProcfileCommand(command, '5000');
    expect(attempt).toThrow(ProcfileCommandSyntaxError);
    expect(attempt).toThrow(`${problem} in: ${command}`);
  });
});
