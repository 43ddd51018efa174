/**
 * The few readings of WordprocessingML that mammoth does not give: the text of a part (or of a
 * stretch of one), counted elements and attributes. The parts are machine-written XML, so a
 * scan of their tags is exact enough for saying what is there; the conversion itself is mammoth's.
 */

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

export function decodeXml(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    if (name[0] === '#') {
      const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return Number.isFinite(code) && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return ENTITIES[name] ?? whole;
  });
}

/** The text of `<w:t>` elements (and `<w:delText>` when `deleted`) in `xml`, paragraphs separated by a space. */
export function textOf(xml: string, options: { deleted?: boolean } = {}): string {
  const element = options.deleted ? 'w:(?:t|delText)' : 'w:t';
  const pattern = new RegExp(`<(${element})(?:\\s[^>]*)?>([^<]*)</\\1>|</w:p>|<w:(?:tab|br)\\b[^>]*/>`, 'g');
  let text = '';
  for (const match of xml.matchAll(pattern)) text += match[2] !== undefined ? decodeXml(match[2]) : ' ';
  return text.replace(/\s+/g, ' ').trim();
}

/** The whole elements named `name` (`w:comment`, `w:del`...), with their content. */
export function elements(xml: string, name: string): { attributes: Record<string, string>; content: string }[] {
  const found: { attributes: Record<string, string>; content: string }[] = [];
  const pattern = new RegExp(`<${name}(\\s[^>]*?)?(/>|>([\\s\\S]*?)</${name}>)`, 'g');
  for (const match of xml.matchAll(pattern)) found.push({ attributes: attributesOf(match[1] ?? ''), content: match[3] ?? '' });
  return found;
}

/** How many elements named `name` start in `xml` (`w:ins` does not count `w:insideH`). */
export function countElements(xml: string, name: string): number {
  return xml.match(new RegExp(`<${name}(?=[\\s/>])`, 'g'))?.length ?? 0;
}

export function attributesOf(text: string): Record<string, string> {
  const attributes: Record<string, string> = {};
  for (const match of text.matchAll(/([\w:.-]+)\s*=\s*"([^"]*)"/g)) attributes[match[1]!] = decodeXml(match[2]!);
  return attributes;
}
