/**
 * Text for XML and HTML: the one escaper we write by hand, and text made safe for an XML builder
 * (which escapes it itself). Characters XML 1.0 cannot hold at all (C0 controls other than tab,
 * line feed and carriage return, U+FFFE and U+FFFF) are dropped rather than making a reader
 * refuse the file.
 */

const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const ENTITY: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };

/**
 * `&`, `<`, `>` and `"` as entities: text for element content or a double-quoted attribute
 * value, in XML or HTML.
 */
export function escapeXml(value: string): string {
  return value.replace(NOT_XML, '').replace(/[&<>"]/g, (char) => ENTITY[char]!);
}

/**
 * Text made safe for XML 1.0 before a builder escapes it: characters XML cannot hold are dropped
 * (lone surrogates too), line ends become line feeds (a parser would turn a bare carriage return
 * into one anyway) and the text is NFC, as every other output is.
 */
export function xmlText(value: string): string {
  return value.replace(/\r\n?/g, '\n').replace(NOT_XML, '').replace(LONE_SURROGATE, '').normalize('NFC');
}

/** An RFC 3339 date-time in UTC without fractional seconds: `2023-11-27T10:00:00Z`. */
export function rfc3339(date: Date): string {
  if (Number.isNaN(date.getTime())) throw new RangeError('invalid date');
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}
