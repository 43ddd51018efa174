import { describe, expect, it } from 'vitest';
import { escapeXml, rfc3339, xmlText } from '../../src/util/xml-text.ts';

describe('escapeXml', () => {
  it('escapes &, <, > and double quotes, and drops what XML cannot hold', () => {
    expect(escapeXml(`Press & Media <"Rights"> it's`)).toBe('Press &amp; Media &lt;&quot;Rights&quot;&gt; it\'s');
    expect(escapeXml('a\u0000b\u0008c\td\ne\rf\uFFFEg')).toBe('abc\td\ne\rfg');
    expect(escapeXml('&amp;')).toBe('&amp;amp;');
  });
});

describe('xmlText', () => {
  it('drops what XML cannot hold, lone surrogates too, and gives line feeds and NFC', () => {
    expect(xmlText('a\r\nb\rc\u0001d\uD800e')).toBe('a\nb\ncde');
    expect(xmlText('e\u0301')).toBe('é');
  });
});

describe('rfc3339', () => {
  it('writes UTC without fractional seconds', () => {
    expect(rfc3339(new Date('2023-11-27T10:00:00.123+05:00'))).toBe('2023-11-27T05:00:00Z');
    expect(() => rfc3339(new Date('x'))).toThrow(RangeError);
  });
});
