import stringWidth from 'string-width';

/** Printable ASCII: one column a character, the common case, measured without segmenting. */
const PRINTABLE_ASCII = /^[\x20-\x7E]*$/;

/**
 * Number of terminal/monospace columns `text` occupies: wide East Asian
 * characters count 2, combining marks and other zero-width characters 0,
 * ambiguous-width characters 1.
 */
export function displayWidth(text: string): number {
  return PRINTABLE_ASCII.test(text) ? text.length : stringWidth(text);
}
