/** The page the browser prints: links made absolute (or plain text), and its headings for the PDF's outline. */

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'", nbsp: '\u00a0' };

/** The text of each h1-h6 of an HTML document we rendered, in order. */
export function headingsOf(html: string): string[] {
  return [...html.matchAll(/<h([1-6])\b[^>]*>([\s\S]*?)<\/h\1>/g)].map((m) =>
    m[2]!
      .replace(/<[^>]*>/g, '')
      .replace(/&(#?\w+);/g, (all, name: string) =>
        ENTITIES[name] ?? (name.startsWith('#x') ? String.fromCodePoint(parseInt(name.slice(2), 16)) : name.startsWith('#') ? String.fromCodePoint(Number(name.slice(1))) : all),
      )
      .trim(),
  );
}

/**
 * Links in the body that are relative (or empty) would point at the temporary print file once
 * printed, naming the build folder in the PDF: they are made absolute against the web page's
 * URL when there is one, and otherwise left as text. In-page links (#...) stay.
 */
export function printableLinks(html: string, pageUrl: string | undefined): string {
  return html.replace(/<a href="([^"]*)"([^>]*)>/g, (tag, href: string, rest: string) => {
    if (href.startsWith('#') || /^[a-z][a-z0-9+.-]*:/i.test(href)) return tag;
    if (!pageUrl || href === '') return `<a${rest}>`;
    return `<a href="${new URL(href.replace(/&amp;/g, '&'), pageUrl).href.replace(/&/g, '&amp;')}"${rest}>`;
  });
}
