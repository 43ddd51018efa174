/**
 * Mammoth's messages, as findings a press officer can act on. Those about what changes nothing
 * in the statement (a style that only sets the looks of body text, a page break, a style the
 * document names but never defines) are dropped; each other kind is said once.
 */
import { count, type Finding } from './finding.ts';

/** Styles of ordinary text, in Word, LibreOffice, Google Docs and pandoc: their text is plain paragraphs and runs, as it should be. */
const PLAIN_STYLES = new Set(
  [
    'Normal', 'Default', 'Standard', 'Body', 'Body Text', 'Body Text 2', 'Body Text 3', 'Body Text Indent', 'Body Text First Indent', 'Text Body',
    'First Paragraph', 'Compact', 'List Paragraph', 'List Bullet', 'List Number', 'List', 'No Spacing', 'Plain Text', 'Normal (Web)', 'Normal Web',
    'Table Contents', 'Table Heading', 'Table Paragraph', 'Caption', 'Image Caption', 'Figure', 'Captioned Figure', 'Date', 'Author', 'Abstract',
    'Footnote Text', 'Endnote Text', 'Comment Text', 'Annotation Text', 'Default Paragraph Font', 'Hyperlink', 'Followed Hyperlink', 'Internet Link',
    'Footnote Reference', 'Endnote Reference', 'Footnote Characters', 'Endnote Characters', 'Footnote Anchor', 'Endnote Anchor', 'Comment Reference',
    'Annotation Reference', 'Verbatim Char', 'Body Text Char', 'Page Number', 'Line Number', 'Header', 'Footer', 'Strong', 'Emphasis',
  ].map(key),
);

/** Mammoth's message texts that change nothing in the statement (or that a finding of the XML says better). */
const SILENT = [
  /was referenced but not defined in the document/,
  /^Unsupported break type/,
  /^Ignoring complex field/,
  /^Image of type .* is unlikely to display/, // the images are checked one by one
  /^An unrecognised element was ignored: (m:|w:object|w:altChunk|w:permStart|w:permEnd|w:customXmlPr)/,
];

export function explainMessages(messages: readonly string[]): Finding[] {
  const styles = { paragraph: new Set<string>(), run: new Set<string>() };
  const said = new Map<string, { finding: Finding; times: number }>();
  const say = (finding: Finding) => {
    const seen = said.get(finding.what);
    if (seen) seen.times += 1;
    else said.set(finding.what, { finding, times: 1 });
  };
  for (const message of messages) {
    const style = /^Unrecognised (paragraph|run) style: '(.*)' \(Style ID: (.*)\)$/.exec(message);
    if (style) {
      const name = style[2] === 'null' || style[2] === '' ? style[3]! : style[2]!;
      if (!PLAIN_STYLES.has(key(name)) && !PLAIN_STYLES.has(key(style[3]!))) styles[style[1] as 'paragraph' | 'run'].add(name);
      continue;
    }
    if (SILENT.some((pattern) => pattern.test(message))) continue;
    say(explain(message));
  }
  const findings: Finding[] = [];
  if (styles.paragraph.size) {
    findings.push({
      what: `paragraphs in the Word ${styles.paragraph.size === 1 ? 'style' : 'styles'} ${[...styles.paragraph].map((s) => `“${s}”`).join(', ')} came over as ordinary paragraphs`,
      todo: 'if they are headings, quotations or list items, mark them in the statement (## heading, > quotation, - item)',
    });
  }
  if (styles.run.size) {
    findings.push({
      what: `text in the Word character ${styles.run.size === 1 ? 'style' : 'styles'} ${[...styles.run].map((s) => `“${s}”`).join(', ')} came over without it`,
      todo: 'if the style meant emphasis, mark the text in the statement (*italic*, **bold**)',
    });
  }
  for (const { finding, times } of said.values()) findings.push(times > 1 ? { ...finding, what: `${finding.what} (${count(times, 'time')})` } : finding);
  return findings;
}

function explain(message: string): Finding {
  const element = /^An unrecognised element was ignored: (.+)$/.exec(message);
  if (element) return { what: `a part of the document Clarion cannot read (${element[1]}) was left out`, todo: 'compare the statement with the document and add what is missing by hand' };
  const symbol = /^A w:sym element with an unsupported character was ignored: char (\S+) in font (.+)$/.exec(message);
  if (symbol) return { what: `a symbol from the font ${symbol[2]} (character ${symbol[1]}) was left out`, todo: 'type the character it stands for (or words) where it was' };
  if (/image/i.test(message) && /external|could not (read|find)/i.test(message)) {
    return { what: 'a picture linked to a file outside the document was left out', todo: 'insert the picture itself in Word (Insert > Pictures) and import again, or add it to the statement as an image' };
  }
  if (/image file|v:imagedata/.test(message)) return { what: 'a picture missing from inside the document was left out', todo: 'insert the picture again in Word and import again, or add it to the statement as an image' };
  if (/cell merging/.test(message)) return { what: "a table's merged cells may have come over in the wrong places", todo: 'check the table in the statement against the document' };
  return { what: `Word's reader said: ${message.replace(/\s+/g, ' ').trim()}`, todo: 'compare the statement with the document where this applies' };
}

function key(style: string): string {
  return style.toLowerCase().replace(/[^a-z0-9]/g, '');
}
