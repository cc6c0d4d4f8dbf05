import { describe, expect, it } from '@jest/globals';
import { modeFor } from './check-modes.js';
import { toggle, toggleMessage, toggleWarning, type ToggleAction } from './toggle.js';
import { ALL, addToList, parseTypes, removeFromList } from './type-list.js';

describe('list helpers', () => {
  it.each([
    ['', 'web', 'web'],
    ['web', 'worker', 'web,worker'],
    ['web,worker', 'web', 'web,worker'],
  ])('addToList(%j, %j) → %j', (list, value, expected) => {
    expect(addToList(list, value)).toBe(expected);
  });

  it.each([
    ['web,worker', 'web', 'worker'],
    ['web', 'web', ''],
    ['_all_', 'web', '_all_'],
    ['', 'web', ''],
  ])('removeFromList(%j, %j) → %j', (list, value, expected) => {
    expect(removeFromList(list, value)).toBe(expected);
  });

  it.each([
    [undefined, ALL],
    ['_all_', ALL],
    ['web', ['web']],
    ['web,worker', ['web', 'worker']],
    ['web,,worker,', ['web', 'worker']],
  ])('parseTypes(%j) → %j', (argument, expected) => {
    expect(parseTypes(argument)).toEqual(expected);
  });

  it.each([
    [',', 'Invalid process type list ","'],
    ['web,Worker', 'Invalid process type Worker'],
    ['web.1', 'Invalid process type web.1'],
  ])('parseTypes(%j) refuses: %s', (argument, message) => {
    expect(() => parseTypes(argument)).toThrow(message);
  });
});

describe('toggle', () => {
  const lists = (disabled: string, skipped: string) => ({ disabled, skipped });

  it.each<[string, ToggleAction, [string, string], string[] | typeof ALL, [string, string]]>([
    ['disable all clears skipped', 'disable', ['', 'web'], ALL, [ALL, '']],
    ['skip all clears disabled', 'skip', ['web', ''], ALL, ['', ALL]],
    ['enable all clears both', 'enable', [ALL, 'web'], ALL, ['', '']],
    ['disable types adds them and takes them out of skipped', 'disable', ['web', 'worker,clock'], ['worker'], ['web,worker', 'clock']],
    ['disable an already disabled type changes nothing', 'disable', ['web', ''], ['web'], ['web', '']],
    ['disable types under _all_ keeps _all_ (Dokku quirk fixed)', 'disable', [ALL, ''], ['worker'], [ALL, '']],
    ['skip types adds them and takes them out of disabled', 'skip', ['web,worker', ''], ['web'], ['worker', 'web']],
    ['skip types under a skipped _all_ keeps _all_', 'skip', ['', ALL], ['web'], ['', ALL]],
    ['enable types takes them out of both lists', 'enable', ['web,worker', 'clock'], ['web', 'clock'], ['worker', '']],
    ['enable a type under _all_ cannot take it out', 'enable', [ALL, ''], ['web'], [ALL, '']],
  ])('%s', (_name, action, [disabled, skipped], types, [nextDisabled, nextSkipped]) => {
    expect(toggle(action, lists(disabled, skipped), types)).toEqual(lists(nextDisabled, nextSkipped));
  });

  it.each<[ToggleAction, [string, string], string | undefined]>([
    ['enable', [ALL, ''], 'Zero downtime stays disabled for web: it is disabled for every process type (checks:enable blog enables all)'],
    ['skip', [ALL, ''], 'Zero downtime stays disabled for web: it is disabled for every process type (checks:enable blog enables all)'],
    ['enable', ['', ALL], 'Zero downtime checks stay skipped for web: they are skipped for every process type (checks:enable blog enables all)'],
    ['disable', ['', ALL], undefined],
    ['enable', ['web', ''], undefined],
  ])('%s web with lists %j warns %j', (action, [disabled, skipped], warning) => {
    expect(toggleWarning(action, 'blog', lists(disabled, skipped), ['web'])).toBe(warning);
  });
});

describe('toggleMessage (Dokku’s wording)', () => {
  it.each<[ToggleAction, string[] | typeof ALL, string]>([
    ['disable', ALL, 'Disabling zero downtime for app (blog)'],
    ['disable', ['web', 'worker'], "Disabling zero downtime for app's (blog) proctypes (web,worker)"],
    ['enable', ALL, "Enabling zero downtime for app's (blog)"],
    ['enable', ['web'], "Enabling zero downtime for app's (blog) proctypes (web)"],
    ['skip', ALL, 'Skipping zero downtime for app (blog)'],
    ['skip', ['web'], "Skipping zero downtime for app's (blog) proctypes (web)"],
  ])('%s %j', (action, types, message) => {
    expect(toggleMessage(action, 'blog', types)).toBe(message);
  });
});

describe('modeFor', () => {
  it.each([
    ['web', '', '', 'enabled'],
    ['web', ALL, '', 'disabled'],
    ['web', '', ALL, 'skipped'],
    ['web', 'worker', 'web', 'skipped'],
    ['web', 'web', 'web', 'disabled'],
    ['web', 'web-2', '', 'enabled'],
    ['worker', 'web,worker', '', 'disabled'],
  ])('%s with disabled=%j skipped=%j → %s', (type, disabled, skipped, mode) => {
    expect(modeFor(type, disabled, skipped)).toBe(mode);
  });
});
