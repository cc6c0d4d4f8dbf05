import { describe, expect, it } from '@jest/globals';
import { goJsonStringify, type GoJsonValue } from './go-json.js';

describe('goJsonStringify: strings as Go json.Marshal escapes them', () => {
  it.each([
    ['plain text', 'docker-local', '"docker-local"'],
    ['empty', '', '""'],
    ['HTML characters', '<a href="x">&</a>', '"\\u003ca href=\\"x\\"\\u003e\\u0026\\u003c/a\\u003e"'],
    ['JavaScript line terminators', 'a\u2028b\u2029c', '"a\\u2028b\\u2029c"'],
    ['short escapes', 'q"b\\s\b\f\n\r\t', '"q\\"b\\\\s\\b\\f\\n\\r\\t"'],
    ['other control characters in lowercase hex', '\u0000\u0001\u001f', '"\\u0000\\u0001\\u001f"'],
    ['DEL and "/" stay as they are', '\u007f/', '"\u007f/"'],
    ['non-ASCII stays raw', 'héllo \u{1F600}', '"héllo \u{1F600}"'],
    ['a lone surrogate becomes \\ufffd (Go replaces invalid UTF-8)', 'a\ud800b\udc00', '"a\\ufffdb\\ufffd"'],
    ['a value with a space and a colon', 'running (CID: 0123456789a)', '"running (CID: 0123456789a)"'],
  ])('%s', (_name, input, expected) => {
    expect(goJsonStringify(input)).toBe(expected);
  });
});

describe('goJsonStringify: structures', () => {
  it.each<[string, GoJsonValue, string]>([
    ['an empty object', {}, '{}'],
    ['keys sorted by bytes, not insertion order', { shell: '', selected: 'null', 'computed-selected': 'x' }, '{"computed-selected":"x","selected":"null","shell":""}'],
    ['"." sorts before letters as in Go', { 'status-web1': 'b', 'status-web.1': 'a' }, '{"status-web.1":"a","status-web1":"b"}'],
    ['keys are escaped too', { '<k>': 'v' }, '{"\\u003ck\\u003e":"v"}'],
    ['nested objects are sorted at every level', { ps: { b: '2', a: '1' }, apps: {} }, '{"apps":{},"ps":{"a":"1","b":"2"}}'],
    ['arrays keep their order', ['b', 'a', true, null], '["b","a",true,null]'],
  ])('%s', (_name, input, expected) => {
    expect(goJsonStringify(input)).toBe(expected);
  });

  it('agrees with JSON.parse on what it wrote', () => {
    const value = { 'a&b': 'x<y>\u2028\n', z: ['1'] };

    expect(JSON.parse(goJsonStringify(value))).toEqual(value);
  });
});
