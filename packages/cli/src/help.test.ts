import { describe, expect, it } from '@jest/globals';
import { columns, globalHelp, topicHelp } from './help.js';

const scheduler = {
  topic: 'scheduler',
  description: 'Manage scheduler settings for an app',
  commands: [
    { usage: 'scheduler:report [<app>] [<flag>]', description: 'Displays a scheduler report for one or more apps' },
    { usage: 'scheduler:set <app> <property> (<value>)', description: 'Set or clear a scheduler property for an app' },
  ],
};

describe('help layout', () => {
  it('starts the second column two spaces after the longest first one', () => {
    expect(columns([['a', 'x'], ['abc', 'y']])).toEqual(['a    x', 'abc  y']);
  });

  it('renders a topic like Dokku’s scheduler:help', () => {
    expect(topicHelp(scheduler)).toBe(
      [
        'Usage: pier scheduler[:COMMAND]',
        '',
        'Manage scheduler settings for an app',
        '',
        'Additional commands:',
        '    scheduler:report [<app>] [<flag>]         Displays a scheduler report for one or more apps',
        '    scheduler:set <app> <property> (<value>)  Set or clear a scheduler property for an app',
        '',
        '',
      ].join('\n'),
    );
  });

  it('renders a topic without commands like scheduler-null:help', () => {
    expect(topicHelp({ topic: 'scheduler-null', description: 'No-op scheduler plugin', commands: [] })).toBe(
      'Usage: pier scheduler-null[:COMMAND]\n\nNo-op scheduler plugin\n\n',
    );
  });

  it('lists topics sorted, or every command with --all', () => {
    const apps = { topic: 'apps', description: 'Manage apps', commands: [{ usage: 'apps:list', description: 'List your apps' }] };

    expect(globalHelp([scheduler, apps], false)).toContain('Commands:\n\n    apps       Manage apps\n    scheduler  Manage scheduler settings for an app\n');
    expect(globalHelp([scheduler, apps], true)).toContain('    apps:list                                 List your apps\n');
  });
});
