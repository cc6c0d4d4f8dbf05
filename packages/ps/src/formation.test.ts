import { describe, expect, it } from '@jest/globals';
import {
  changedTypes,
  formationForDeploy,
  parseScale,
  parseScaleTuples,
  serializeScale,
  updateScale,
} from './formation.js';

const scale = (entries: Record<string, number>) => new Map(Object.entries(entries));
const sorted = (map: Map<string, number>) => Object.fromEntries([...map].sort(([a], [b]) => a.localeCompare(b)));

describe('scale property', () => {
  it('writes Dokku’s list layout, sorted, one entry per line with a newline each', () => {
    expect(serializeScale(scale({ worker: 0, web: 2 }))).toBe('web=2\nworker=0\n');
  });

  it('reads it back, the first of duplicate types winning', () => {
    expect([...parseScale('web=2\nworker=0\n\nweb=5\n')]).toEqual([
      ['web', 2],
      ['worker', 0],
    ]);
  });

  it('refuses an entry that is not type=count', () => {
    expect(() => parseScale('web=two\n')).toThrow('Invalid entry "web=two" in the ps scale property');
  });
});

describe('parseScaleTuples', () => {
  it.each([
    [['web=2'], { web: 2 }],
    [['web=2', 'worker=0'], { web: 2, worker: 0 }],
    [['web=2', 'web=5'], { web: 2 }],
    [[' web = 3 '], { web: 3 }],
  ])('%j → %j', (tuples, expected) => {
    expect(Object.fromEntries(parseScaleTuples(tuples))).toEqual(expected);
  });

  it.each([
    [['web'], 'Missing count for process type web'],
    [['web=two'], 'Invalid count for process type web'],
    [['web='], 'Invalid count for process type web'],
    [['web=-1'], 'Invalid count for process type web'],
    [['web=1.5'], 'Invalid count for process type web'],
    [['Web=1'], 'Web is not a valid process name to scale up'],
    [['=1'], ' is not a valid process name to scale up'],
  ])('%j is refused: %s', (tuples, message) => {
    expect(() => parseScaleTuples(tuples)).toThrow(message);
  });
});

describe('updateScale (Dokku’s merge)', () => {
  it.each([
    ['a new Procfile type is added at 0', { web: 1 }, {}, ['web', 'worker'], false, { web: 1, worker: 0 }],
    ['updates win over the current scale', { web: 1, worker: 0 }, { worker: 3 }, ['web', 'worker'], false, { web: 1, worker: 3 }],
    ['a type gone from the Procfile is dropped at 0', { web: 1, clock: 0 }, {}, ['web'], false, { web: 1 }],
    ['a type gone from the Procfile is kept above 0', { web: 1, clock: 2 }, {}, ['web'], false, { web: 1, clock: 2 }],
    ['scaling a gone type to 0 drops it', { web: 1, clock: 2 }, { clock: 0 }, ['web'], false, { web: 1 }],
    ['unknown types (never deployed) are all kept', { web: 1 }, { worker: 2, clock: 0 }, null, false, { web: 1, worker: 2, clock: 0 }],
    ['clearExisting replaces the scale, defined types default to 0', { web: 3, worker: 2 }, { worker: 1 }, ['web', 'worker'], true, { web: 0, worker: 1 }],
    ['without a Procfile web stays at 0', { web: 0 }, {}, ['web'], false, { web: 0 }],
  ])('%s', (_name, current, updates, validTypes, clearExisting, expected) => {
    const result = updateScale({ current: scale(current), updates: scale(updates), validTypes, clearExisting });

    expect(sorted(result)).toEqual(expected);
  });

  it('refuses scaling up a type the image does not define', () => {
    expect(() => updateScale({ current: scale({ web: 1 }), updates: scale({ worker: 1 }), validTypes: ['web'] })).toThrow(
      'worker is not a valid process name to scale up',
    );
  });
});

describe('formationForDeploy', () => {
  it.each([
    ['first deploy, Procfile web+worker', { web: 1 }, ['web', 'worker'], undefined, { web: 1, worker: 0 }, true],
    ['first deploy without a Procfile', { web: 1 }, null, undefined, { web: 1 }, true],
    ['no Procfile any more: worker at 0 goes, web stays', { web: 2, worker: 0 }, null, undefined, { web: 2 }, true],
    ['no Procfile any more: a running worker is kept (and skipped)', { web: 2, worker: 1 }, null, undefined, { web: 2, worker: 1 }, true],
    ['app.json quantities win and lock the scale', { web: 3, worker: 5 }, ['web', 'worker'], { worker: 2 }, { web: 0, worker: 2 }, false],
    ['app.json quantity 0 for a type the image lacks is fine', { web: 1 }, ['web'], { web: 2, clock: 0 }, { web: 2 }, false],
    ['an app.json without quantities hands the scale back', { web: 0, worker: 2 }, ['web', 'worker'], undefined, { web: 0, worker: 2 }, true],
  ])('%s', (_name, current, procfileTypes, quantities, expected, canScale) => {
    const result = formationForDeploy(scale(current), procfileTypes, quantities === undefined ? undefined : scale(quantities));

    expect(sorted(result.scale)).toEqual(expected);
    expect(result.canScale).toBe(canScale);
  });

  it.each([
    [['web'], 'Invalid app.json: formation.worker is not a process type of the image (the Procfile defines web)'],
    [null, 'Invalid app.json: formation.worker is not a process type of the image (the image has no Procfile, so only web runs)'],
  ])('refuses an app.json quantity for a type the image lacks (Procfile %j)', (procfileTypes, message) => {
    expect(() => formationForDeploy(scale({ web: 1 }), procfileTypes, scale({ worker: 1 }))).toThrow(message);
  });
});

describe('changedTypes', () => {
  it('lists requested types whose quantity moved, absent counting as 0', () => {
    const before = scale({ web: 1, worker: 0 });
    const after = scale({ web: 1, worker: 2, clock: 0 });

    expect(changedTypes(before, after, ['web', 'worker', 'clock'])).toEqual(['worker']);
  });

  it('counts a type the merge dropped (scaled to 0, the image lacks it) as changed if it ran', () => {
    expect(changedTypes(scale({ clock: 2 }), scale({}), ['clock'])).toEqual(['clock']);
    expect(changedTypes(scale({}), scale({}), ['clock'])).toEqual([]);
  });
});
