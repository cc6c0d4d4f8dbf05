import { describe, expect, it } from '@jest/globals';
import { CommandSyntaxError, splitCommand } from './command-words.js';

describe('splitCommand (as docker-local splits Procfile commands)', () => {
  it.each<[string, string[]]>([
    ['httpd -f -p 127.0.0.1:$PORT', ['httpd', '-f', '-p', '127.0.0.1:5000']],
    ['node server.js --port=${PORT}', ['node', 'server.js', '--port=5000']],
    ['  many   blanks\there  ', ['many', 'blanks', 'here']],
    [`sh -c 'echo $PORT; sleep 1'`, ['sh', '-c', 'echo $PORT; sleep 1']],
    [`sh -c "echo $PORT; sleep 1"`, ['sh', '-c', 'echo 5000; sleep 1']],
    [`echo "a \\"quoted\\" word" 'it''s'`, ['echo', 'a "quoted" word', 'its']],
    [`echo "\\$PORT" \\$PORT`, ['echo', '$PORT', '$PORT']],
    [`echo $PORTS $PORT_X $PORT.`, ['echo', '$PORTS', '$PORT_X', '5000.']],
    [`echo $(id) \`id\` ~ * $`, ['echo', '$(id)', '`id`', '~', '*', '$']],
    [`echo '' ""`, ['echo', '', '']],
    [`echo a\\ b c`, ['echo', 'a b', 'c']],
    [`echo "keep \\n backslash" "\\\\"`, ['echo', 'keep \\n backslash', '\\']],
    ['echo one \\\ntwo "th\\\nree"', ['echo', 'one', 'two', 'three']],
    ['', []],
  ])('%s', (command, argv) => {
    expect(splitCommand(command, '5000')).toEqual(argv);
  });

  it.each([`echo 'open`, `echo "open`, `echo trailing\\`])('rejects %s', (command) => {
    expect(() => splitCommand(command, '5000')).toThrow(CommandSyntaxError);
  });
});
