/**
 * Go's `sort.Strings` and `json.Marshal` order strings by their UTF-8 bytes. JavaScript's default
 * sort compares UTF-16 code units, which disagrees for characters above U+FFFF versus U+E000–U+FFFF,
 * so report keys are compared the Go way to keep the output byte for byte identical.
 */
export function compareBytes(a: string, b: string): number {
  return Buffer.compare(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8'));
}

/** Go's `len(s)`: the length in UTF-8 bytes, which is what Dokku pads report labels with. */
export function byteLength(text: string): number {
  return Buffer.byteLength(text, 'utf8');
}
