/**
 * Text made safe for XML 1.0 before a builder escapes it: characters XML cannot hold at all
 * (C0 controls other than tab and line feed, lone surrogates, U+FFFE and U+FFFF) are dropped,
 * line ends become line feeds (a parser would turn a bare carriage return into one anyway) and
 * the text is NFC, as every other output is.
 */
export function xmlText(value: string): string {
  return value
    .replace(/\r\n?/g, '\n')
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '')
    .replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '')
    .normalize('NFC');
}

/** An RFC 3339 date-time in UTC without fractional seconds: `2023-11-27T10:00:00Z`. */
export function rfc3339(date: Date): string {
  if (Number.isNaN(date.getTime())) throw new RangeError('invalid date');
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}
