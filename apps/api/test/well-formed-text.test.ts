// The unpaired-surrogate check walks parsed JSON only: raw uploads pass through untouched.
import { describe, expect, it } from 'vitest';
import { illFormedTextPath } from '../src/plugins/well-formed-text';

describe('illFormedTextPath', () => {
  it('points at the first string or key with an unpaired surrogate', () => {
    expect(illFormedTextPath({ a: 'ok', b: ['fine', 'bad \ud800'] })).toBe('/b/1');
    expect(illFormedTextPath({ ['\udc00']: 1 })).toBe('/\udc00');
    expect(illFormedTextPath('\ud800')).toBe('/');
  });

  it('accepts well-formed text, including paired surrogates', () => {
    expect(illFormedTextPath({ title: 'Petén 🌎', nested: { list: ['\ud83c\udf0e'] } })).toBe(
      undefined,
    );
  });

  it('does not walk a raw upload byte by byte', () => {
    // 0xED 0xA0 0x80 is a UTF-8 encoded surrogate; as bytes it is the import's business.
    const upload = Buffer.from([0xed, 0xa0, 0x80]);
    expect(illFormedTextPath(upload)).toBe(undefined);
    expect(illFormedTextPath({ file: new Uint8Array(64 * 1024 * 1024) })).toBe(undefined);
  });
});
