import stringWidth from 'string-width';

/**
 * Characters of one column each that never join with a neighbour, measured without segmenting:
 * printable ASCII, Latin-1 and Latin Extended-A letters (not the soft hyphen, which takes none),
 * typographic quotes, dashes, spaces and the ellipsis. Most lines of a release are made of these
 * alone (string-width took about 5% of an HTML + text build); tests/markdown/text checks each
 * against string-width.
 */
export const ONE_COLUMN = /^[\x20-\x7E\u00A0-\u00AC\u00AE-\u017F\u2010-\u2027\u202F\u2030-\u205E]*$/;

/**
 * Number of terminal/monospace columns `text` occupies: wide East Asian
 * characters count 2, combining marks and other zero-width characters 0,
 * ambiguous-width characters 1.
 */
export function displayWidth(text: string): number {
  return ONE_COLUMN.test(text) ? text.length : stringWidth(text);
}
