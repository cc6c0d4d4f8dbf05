import { describe, expect, it } from '@jest/globals';
import { formationQuantities, parseAppJson } from './app-json.js';

const parse = (document: unknown) => parseAppJson(JSON.stringify(document));

describe('parseAppJson', () => {
  it.each([
    ['an empty object', {}, [], []],
    ['other top-level keys are ignored', { name: 'blog', scripts: { dokku: {} }, cron: [] }, [], []],
    ['quantity and max_parallel', { formation: { web: { quantity: 2, max_parallel: 1 }, worker: { quantity: 0 } } }, [['web', { quantity: 2, maxParallel: 1 }], ['worker', { quantity: 0 }]], []],
    ['max_parallel alone', { formation: { web: { max_parallel: 3 } } }, [['web', { maxParallel: 3 }]], []],
    ['a null formation', { formation: null }, [], []],
    [
      'healthchecks, kept as written',
      { healthchecks: { web: [{ type: 'startup', name: 'web check', path: '/', content: 'hello', attempts: 10, wait: 1, timeout: 2 }] } },
      [],
      [['web', [{ type: 'startup', name: 'web check', path: '/', content: 'hello', attempts: 10, wait: 1, timeout: 2 }]]],
    ],
    [
      'command, listening and uptime checks',
      { healthchecks: { worker: [{ command: ['/app/ok.sh', '-v'] }, { listening: true, port: 5000 }, { uptime: 5, warn: true }] } },
      [],
      [['worker', [{ command: ['/app/ok.sh', '-v'] }, { listening: true, port: 5000 }, { uptime: 5, warn: true }]]],
    ],
  ])('%s', (_name, document, formation, healthchecks) => {
    const { appJson, warnings } = parse(document);

    expect([...appJson.formation]).toEqual(formation);
    expect([...appJson.healthchecks]).toEqual(healthchecks);
    expect(warnings).toEqual([]);
  });

  it('drops unsupported healthcheck keys with a warning naming them', () => {
    const { appJson, warnings } = parse({ healthchecks: { web: [{ path: '/', httpHeaders: [{ name: 'Host', value: 'x' }] }] } });

    expect(appJson.healthchecks.get('web')).toEqual([{ path: '/' }]);
    expect(warnings).toEqual(['app.json healthchecks.web[0].httpHeaders is not supported and is ignored']);
  });

  it.each([
    ['malformed JSON', '{"formation": {', /^Invalid app\.json: not valid JSON \(.+\)$/],
    ['an array at the top', '[]', 'Invalid app.json: the top level must be an object'],
    ['a string at the top', '"web"', 'Invalid app.json: the top level must be an object'],
    ['formation as an array', '{"formation": []}', 'Invalid app.json: formation must be an object'],
    ['a formation entry that is a number', '{"formation": {"web": 2}}', 'Invalid app.json: formation.web must be an object'],
    ['a negative quantity', '{"formation": {"web": {"quantity": -1}}}', 'Invalid app.json: formation.web.quantity must be a non-negative integer'],
    ['a quantity as a string', '{"formation": {"web": {"quantity": "2"}}}', 'Invalid app.json: formation.web.quantity must be a non-negative integer'],
    ['a fractional quantity', '{"formation": {"web": {"quantity": 1.5}}}', 'Invalid app.json: formation.web.quantity must be a non-negative integer'],
    ['max_parallel 0', '{"formation": {"web": {"max_parallel": 0}}}', 'Invalid app.json: formation.web.max_parallel must be a positive integer'],
    ['healthchecks as an array', '{"healthchecks": []}', 'Invalid app.json: healthchecks must be an object'],
    ['a type whose checks are not a list', '{"healthchecks": {"web": {}}}', 'Invalid app.json: healthchecks.web must be an array'],
    ['a check that is a string', '{"healthchecks": {"web": ["/"]}}', 'Invalid app.json: healthchecks.web[0] must be an object'],
    ['a zero timeout', '{"healthchecks": {"web": [{"timeout": 0}]}}', 'Invalid app.json: healthchecks.web[0].timeout must be a positive number'],
    ['an unknown check type', '{"healthchecks": {"web": [{"type": "boot"}]}}', 'Invalid app.json: healthchecks.web[0].type must be one of startup, liveness, readiness'],
    ['a command as a string', '{"healthchecks": {"web": [{"command": "ok.sh"}]}}', 'Invalid app.json: healthchecks.web[0].command must be an array of strings'],
    ['a port as a string', '{"healthchecks": {"web": [{}, {"port": "80"}]}}', 'Invalid app.json: healthchecks.web[1].port must be a positive integer'],
    ['an ftp scheme', '{"healthchecks": {"web": [{"scheme": "ftp"}]}}', 'Invalid app.json: healthchecks.web[0].scheme must be http or https'],
  ])('refuses %s', (_name, text, message) => {
    expect(() => parseAppJson(text)).toThrow(message);
  });
});

describe('formationQuantities', () => {
  it.each([
    ['no formation', {}, undefined],
    ['max_parallel only: ps:scale stays in charge', { formation: { web: { max_parallel: 2 } } }, undefined],
    ['quantities, including 0', { formation: { web: { quantity: 0 }, worker: { quantity: 3, max_parallel: 2 }, clock: { max_parallel: 1 } } }, [['web', 0], ['worker', 3]]],
  ])('%s', (_name, document, expected) => {
    const quantities = formationQuantities(parse(document).appJson);

    expect(quantities === undefined ? undefined : [...quantities]).toEqual(expected);
  });
});
