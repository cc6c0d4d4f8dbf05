import { compareBytes } from './byte-order.js';

/** The values Pier reports are made of. Numbers are left out on purpose: Go and JavaScript format floats differently. */
export type GoJsonValue = string | boolean | null | readonly GoJsonValue[] | { readonly [key: string]: GoJsonValue };

const SHORT_ESCAPES: Readonly<Record<string, string>> = {
  '"': '\\"',
  '\\': '\\\\',
  // Go >= 1.22 writes \b and \f in short form too (earlier versions wrote \u0008 and \u000c).
  '\b': '\\b',
  '\f': '\\f',
  '\n': '\\n',
  '\r': '\\r',
  '\t': '\\t',
};

const hex4 = (code: number) => `\\u${code.toString(16).padStart(4, '0')}`;

/**
 * One string the way Go's `json.Marshal` writes it. Beyond what JSON.stringify does, Go escapes
 * `<`, `>` and `&` (HTML safety) and U+2028/U+2029 (JavaScript line terminators), and replaces
 * text that is not valid Unicode (here: lone surrogates) with \ufffd.
 */
function quote(text: string): string {
  let out = '"';
  for (let i = 0; i < text.length; i++) {
    const char = text[i]!;
    const code = text.charCodeAt(i);
    const short = SHORT_ESCAPES[char];
    if (short !== undefined) out += short;
    else if (code < 0x20 || char === '<' || char === '>' || char === '&' || code === 0x2028 || code === 0x2029) {
      out += hex4(code);
    } else if (code >= 0xd800 && code <= 0xdbff) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        out += char + text[i + 1]!;
        i++;
      } else out += '\\ufffd';
    } else if (code >= 0xdc00 && code <= 0xdfff) out += '\\ufffd';
    else out += char;
  }
  return `${out}"`;
}

/**
 * Compact JSON exactly as Go's `json.Marshal` prints it: no spaces, object keys sorted by their
 * UTF-8 bytes, Go's string escaping. Dokku users pipe `--format json` into tools that may compare
 * bytes, so Pier must not drift from it.
 */
export function goJsonStringify(value: GoJsonValue): string {
  if (value === null) return 'null';
  if (typeof value === 'string') return quote(value);
  if (typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return `[${value.map((item: GoJsonValue) => goJsonStringify(item)).join(',')}]`;
  const object = value as { readonly [key: string]: GoJsonValue };
  const members = Object.keys(object)
    .sort(compareBytes)
    .map((key) => `${quote(key)}:${goJsonStringify(object[key]!)}`);
  return `{${members.join(',')}}`;
}
