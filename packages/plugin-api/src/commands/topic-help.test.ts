import { describe, expect, it } from '@jest/globals';
import { memoryHost } from '../test-support/memory-host.js';
import { definePlugin } from '../plugin/define-plugin.js';
import { commandHelp } from '../triggers/command.js';
import { registerCommands, type CommandTopic } from './register-commands.js';
import { helpColumns, helpTopicOf, topicHelp } from './topic-help.js';

const scheduler = {
  topic: 'scheduler',
  description: 'Manage scheduler settings for an app',
  commands: [
    { usage: 'scheduler:report [<app>] [<flag>]', description: 'Displays a scheduler report for one or more apps' },
    { usage: 'scheduler:set <app> <property> (<value>)', description: 'Set or clear a scheduler property for an app' },
  ],
};
const apps = { topic: 'apps', description: 'Manage apps', commands: [{ usage: 'apps:list', description: 'List your apps' }] };

describe('topic help', () => {
  it('starts the second column two spaces after the longest first one', () => {
    expect(helpColumns([['a', 'x'], ['abc', 'y']])).toEqual(['a    x', 'abc  y']);
  });

  it('renders a Go topic like Dokku’s CommandUsage: the last line is four spaces', () => {
    expect(topicHelp(scheduler)).toBe(
      [
        'Usage: pier scheduler[:COMMAND]',
        '',
        'Manage scheduler settings for an app',
        '',
        'Additional commands:',
        '    scheduler:report [<app>] [<flag>]         Displays a scheduler report for one or more apps',
        '    scheduler:set <app> <property> (<value>)  Set or clear a scheduler property for an app',
        '    ',
        '',
      ].join('\n'),
    );
  });

  it('renders a bash topic like `column -t`: nothing after the last command', () => {
    expect(topicHelp({ ...apps, style: 'bash' })).toBe('Usage: pier apps[:COMMAND]\n\nManage apps\n\nAdditional commands:\n    apps:list  List your apps\n');
  });

  it('renders a topic without commands like scheduler-null:help', () => {
    expect(topicHelp({ topic: 'scheduler-null', description: 'No-op scheduler plugin', commands: [] })).toBe(
      'Usage: pier scheduler-null[:COMMAND]\n\nNo-op scheduler plugin\n\n',
    );
  });
});

describe('helpTopicOf', () => {
  it('is what registerCommands answers on command:help: hidden commands left out, the style kept', async () => {
    const run = () => undefined;
    const topic: CommandTopic = {
      topic: 'apps',
      description: 'Manage apps',
      helpStyle: 'bash',
      commands: { 'apps:list': { usage: 'apps:list', description: 'List your apps', run }, 'apps:ls': { usage: 'apps:ls', description: 'Alias', hidden: true, run } },
    };
    const host = await memoryHost([definePlugin({ name: 'apps', register: (context) => registerCommands(context, topic) })]);

    expect(helpTopicOf(topic)).toEqual({ topic: 'apps', description: 'Manage apps', commands: [{ usage: 'apps:list', description: 'List your apps' }], style: 'bash' });
    expect(await host.bus.collect(commandHelp, {})).toEqual([helpTopicOf(topic)]);
  });
});
