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
const apps = { topic: 'apps', description: 'Manage apps', commands: [{ usage: 'apps:list', description: 'List your apps' }] };
const k3s = { topic: 'scheduler-k3s', description: 'Runs apps on k3s', commands: [{ usage: 'scheduler-k3s:report', description: 'Report' }] };

const header = [
  'Usage: pier [--quiet|--trace|--force] COMMAND <app> [command-specific-options]',
  '',
  'Primary help options, type "pier COMMAND:help" for more details, or pier help --all to see all commands.',
  '',
  'Commands:',
  '',
];

describe('topic help', () => {
  it('starts the second column two spaces after the longest first one', () => {
    expect(columns([['a', 'x'], ['abc', 'y']])).toEqual(['a    x', 'abc  y']);
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

describe('pier help', () => {
  it('lists the built-in topics sorted under the header, and no community section without third-party plugins', () => {
    expect(globalHelp({ core: [scheduler, apps], community: [] }, { all: false, quiet: false })).toBe(
      [...header, '    apps       Manage apps', '    scheduler  Manage scheduler settings for an app', ''].join('\n'),
    );
  });

  it('lists third-party topics under "Community plugin commands:", laid out on their own', () => {
    expect(globalHelp({ core: [apps], community: [k3s] }, { all: false, quiet: false })).toBe(
      [...header, '    apps  Manage apps', '', 'Community plugin commands:', '', '    scheduler-k3s  Runs apps on k3s', ''].join('\n'),
    );
  });

  it('with --all lists every command and always ends with the community section', () => {
    const help = globalHelp({ core: [scheduler, apps], community: [] }, { all: true, quiet: false });

    expect(help).toContain('    apps:list                                 List your apps\n');
    expect(help.endsWith('Set or clear a scheduler property for an app\n\nCommunity plugin commands:\n\n')).toBe(true);
    expect(globalHelp({ core: [apps], community: [k3s] }, { all: true, quiet: false })).toMatch(/\n\nCommunity plugin commands:\n\n {4}scheduler-k3s:report {2}Report\n$/);
  });

  it('drops the header with --quiet, as Dokku’s dokku_log_quiet does', () => {
    expect(globalHelp({ core: [apps], community: [] }, { all: false, quiet: true })).toBe('    apps  Manage apps\n');
  });
});
