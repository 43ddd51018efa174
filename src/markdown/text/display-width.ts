import stringWidth from 'string-width';

/**
 * Number of terminal/monospace columns `text` occupies: wide East Asian
 * characters count 2, combining marks and other zero-width characters 0,
 * ambiguous-width characters 1.
 */
export function displayWidth(text: string): number {
  return stringWidth(text);
}
