import { describe, expect, it } from '@jest/globals';
import { globalHelp } from './help.js';

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
