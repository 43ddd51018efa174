/**
 * Reads an .eml with nothing but the RFC: headers unfolded, MIME multiparts split on their
 * boundary, bodies decoded from quoted-printable or base64, and RFC 2047 encoded words in headers.
 * Clarion composes with nodemailer and mailparser shares its MIME library (libmime): this reader
 * shares nothing with either, so the two readings agreeing means something.
 */
export interface EmlPart {
  headers: Map<string, string>;
  contentType: string;
  /** Parameters of Content-Type (lower-case names): boundary, charset... */
  params: Map<string, string>;
  /** The decoded body of a leaf part (text in its charset), undefined for a multipart. */
  text?: string;
  parts: EmlPart[];
}

export interface ReadEml {
  /** Lines of the file, split on CRLF. */
  lines: string[];
  /** Whether every line ends in CRLF (no bare CR or LF). */
  crlf: boolean;
  root: EmlPart;
  header(name: string): string | undefined;
  /** Leaf parts, depth first. */
  leaves: EmlPart[];
}

export function readEml(bytes: Uint8Array): ReadEml {
  const raw = Buffer.from(bytes).toString('latin1');
  const crlf = !/\r(?!\n)|(?<!\r)\n/.test(raw);
  const root = readPart(raw);
  const leaves: EmlPart[] = [];
  const walk = (part: EmlPart) => (part.parts.length ? part.parts.forEach(walk) : leaves.push(part));
  walk(root);
  return { lines: raw.split('\r\n'), crlf, root, header: (name) => root.headers.get(name.toLowerCase()), leaves };
}

function readPart(raw: string): EmlPart {
  const split = raw.indexOf('\r\n\r\n');
  const head = split < 0 ? raw : raw.slice(0, split);
  const body = split < 0 ? '' : raw.slice(split + 4);
  const headers = new Map<string, string>();
  // Unfolding: a line that starts with white space continues the header above.
  for (const line of head.replace(/\r\n(?=[ \t])/g, '').split('\r\n')) {
    const colon = line.indexOf(':');
    if (colon > 0) headers.set(line.slice(0, colon).trim().toLowerCase(), decodeWords(line.slice(colon + 1).trim()));
  }
  const [type = 'text/plain', ...rest] = (headers.get('content-type') ?? 'text/plain; charset=us-ascii').split(';');
  const params = new Map(rest.map((p) => p.trim().match(/^([^=]+)=(.*)$/)).filter((m): m is RegExpMatchArray => m !== null).map((m) => [m[1]!.trim().toLowerCase(), m[2]!.trim().replace(/^"(.*)"$/, '$1')]));
  const contentType = type.trim().toLowerCase();
  if (contentType.startsWith('multipart/')) {
    const boundary = params.get('boundary');
    if (!boundary) throw new Error('a multipart without a boundary');
    const sections = body.split(`--${boundary}`);
    if (!sections.at(-1)!.startsWith('--')) throw new Error(`the multipart with boundary ${boundary} has no closing delimiter`);
    // Before the first delimiter: the preamble; after the last: the epilogue.
    const parts = sections.slice(1, -1).map((s) => readPart(s.replace(/^\r\n/, '').replace(/\r\n$/, '')));
    return { headers, contentType, params, parts };
  }
  const bytes = decodeBody(body, (headers.get('content-transfer-encoding') ?? '7bit').toLowerCase());
  return { headers, contentType, params, text: new TextDecoder(params.get('charset') ?? 'us-ascii', { fatal: true }).decode(bytes), parts: [] };
}

function decodeBody(body: string, encoding: string): Uint8Array {
  if (encoding === 'base64') return Buffer.from(body.replace(/\s+/g, ''), 'base64');
  if (encoding === 'quoted-printable') return quotedPrintable(body.replace(/=\r\n/g, ''));
  if (encoding === '7bit' || encoding === '8bit' || encoding === 'binary') return Buffer.from(body, 'latin1');
  throw new Error(`unknown Content-Transfer-Encoding ${encoding}`);
}

function quotedPrintable(text: string): Uint8Array {
  const out: number[] = [];
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '=' && /^[0-9A-F]{2}$/i.test(text.slice(i + 1, i + 3))) {
      out.push(parseInt(text.slice(i + 1, i + 3), 16));
      i += 2;
    } else out.push(text.charCodeAt(i));
  }
  return Uint8Array.from(out);
}

/** RFC 2047: =?charset?B|Q?text?=, white space between two encoded words dropped. */
function decodeWords(value: string): string {
  return value
    .replace(/(=\?[^?]+\?[BbQq]\?[^?]*\?=)\s+(?==\?)/g, '$1')
    .replace(/=\?([^?]+)\?([BbQq])\?([^?]*)\?=/g, (_m, charset: string, kind: string, text: string) => {
      const bytes = kind.toUpperCase() === 'B' ? Buffer.from(text, 'base64') : quotedPrintable(text.replace(/_/g, ' '));
      return new TextDecoder(charset.toLowerCase()).decode(bytes);
    });
}
