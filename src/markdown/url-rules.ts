/**
 * What may be done with a URL written in a statement, one rule per question, each named for what
 * it decides.
 */

const SAFE_PROTOCOL = /^(https?:|mailto:|tel:)/i;
const HAS_PROTOCOL = /^[a-z][a-z0-9+.-]*:/i;

/** Schemes that are safe to follow: anything else (javascript:, data:, file:, …) never reaches an output. */
export const SAFE_SCHEMES: ReadonlySet<string> = new Set(['http', 'https', 'mailto', 'tel']);

/**
 * Whether a link or image target may appear in the outputs at all: http(s), mailto, tel, or
 * relative. Checked once, when the Markdown is parsed; a target that fails is removed.
 */
export function isAllowedLinkTarget(url: string): boolean {
  // Browsers ignore control characters and whitespace inside a scheme ("java\tscript:").
  const squashed = url.replace(/[\u0000-\u0020\u007f-\u009f]/g, '');
  return SAFE_PROTOCOL.test(squashed) || isRelativeUrl(squashed);
}

/** Whether a URL is relative to the page it is written in: no scheme, and not protocol-relative (`//host/…`). */
export function isRelativeUrl(url: string): boolean {
  return !HAS_PROTOCOL.test(url) && !url.startsWith('//');
}

/** Lower-cased scheme of an absolute URL (`https`, `mailto`, …), or undefined for relative URLs. */
export function urlScheme(url: string): string | undefined {
  const match = /^\s*([a-z][a-z\d+.-]*):/i.exec(url);
  return match ? match[1]!.toLowerCase() : undefined;
}

/**
 * Whether the text release prints a link's URL: absolute, with a safe scheme. A relative link
 * leads nowhere from an email, so only its text is printed.
 */
export function isPrintableInText(url: string): boolean {
  const scheme = urlScheme(url);
  return scheme !== undefined && SAFE_SCHEMES.has(scheme);
}
