/**
 * What a Word document holds that the statement cannot: tracked changes, comments, page headers
 * and footers, charts, diagrams, equations, embedded files, hidden text. Mammoth passes over
 * these in silence (it keeps insertions, drops deletions and comments), so they are found in the
 * document's XML and each becomes a finding. Pure.
 */
import { count, quote, type Finding } from './finding.ts';
import type { DocxPackage } from './open-docx.ts';
import { attributesOf, countElements, elements, textOf } from './xml-text.ts';

const MAX_QUOTED = 3;
const MAX_COMMENTS = 20;

export function inspectDocx(docx: DocxPackage): Finding[] {
  const notes = ['footnotes.xml', 'endnotes.xml'].map((part) => docx.parts.get(part) ?? '');
  return [
    ...trackedChanges([docx.document, ...notes].join('')),
    ...comments(docx),
    ...pageMargins(docx),
    ...objects(docx.document),
  ];
}

function trackedChanges(xml: string): Finding[] {
  const inserted = elements(xml, 'w:ins').map((e) => textOf(e.content)).filter(Boolean);
  const deleted = elements(xml, 'w:del').map((e) => textOf(e.content, { deleted: true })).filter(Boolean);
  const moved = elements(xml, 'w:moveTo').map((e) => textOf(e.content)).filter(Boolean);
  const formatted = countElements(xml, 'w:rPrChange') + countElements(xml, 'w:pPrChange') + countElements(xml, 'w:tblPrChange') + countElements(xml, 'w:tcPrChange');
  if (inserted.length + deleted.length + moved.length + formatted === 0) return [];
  const by = (...names: string[]) => {
    const authors = [...new Set(names.flatMap((name) => [...xml.matchAll(new RegExp(`<${name}\\s([^>]*)>`, 'g'))].map((m) => attributesOf(m[1]!)['w:author'] ?? '')))].filter(Boolean);
    return authors.length ? `, by ${listing(authors)}` : '';
  };
  const todo = 'the statement reads as if every change was accepted: check it against the document, or accept or reject the changes in Word (Review > Accept, Reject) and import again';
  const findings: Finding[] = [];
  if (inserted.length) findings.push({ what: `tracked changes: ${count(inserted.length, 'insertion')} kept (${quoted(inserted)})${by('w:ins')}`, todo });
  if (deleted.length) findings.push({ what: `tracked changes: ${count(deleted.length, 'deletion')} left out (${quoted(deleted)})${by('w:del')}`, todo });
  if (moved.length) findings.push({ what: `tracked changes: ${count(moved.length, 'moved passage')} taken where ${moved.length === 1 ? 'it was' : 'they were'} moved to (${quoted(moved)})${by('w:moveTo')}`, todo });
  if (formatted) findings.push({ what: `tracked changes: ${count(formatted, 'formatting change')} taken as ${formatted === 1 ? 'it stands' : 'they stand'}${by('w:rPrChange', 'w:pPrChange')}`, todo });
  return findings;
}

function comments(docx: DocxPackage): Finding[] {
  const all = elements(docx.parts.get('comments.xml') ?? '', 'w:comment');
  const findings = all.slice(0, MAX_COMMENTS).map((comment): Finding => {
    const id = comment.attributes['w:id'] ?? '';
    const author = comment.attributes['w:author'];
    const on = commentedText(docx.document, id);
    const text = textOf(comment.content);
    return {
      what: `a comment${author ? ` by ${author}` : ''}${on ? ` on ${quote(on, 40)}` : ''} was left out${text ? `: ${quote(text, 120)}` : ''}`,
      todo: 'do what it asks in the statement, or resolve it in Word and import again',
    };
  });
  if (all.length > MAX_COMMENTS) findings.push({ what: `${count(all.length - MAX_COMMENTS, 'more comment')} left out`, todo: 'read them in Word (Review > Show Comments) and resolve them' });
  return findings;
}

/** The text a comment is anchored to, between its range marks. */
function commentedText(xml: string, id: string): string {
  const start = new RegExp(`<w:commentRangeStart\\b[^>]*\\bw:id="${id}"[^>]*/>`).exec(xml);
  if (!start) return '';
  const end = new RegExp(`<w:commentRangeEnd\\b[^>]*\\bw:id="${id}"[^>]*/>`).exec(xml.slice(start.index));
  return end ? textOf(xml.slice(start.index, start.index + end.index)) : '';
}

/** Headers and footers with words in them (not page numbers alone), each once. */
function pageMargins(docx: DocxPackage): Finding[] {
  const seen = new Set<string>();
  const findings: Finding[] = [];
  for (const [part, xml] of docx.parts) {
    const where = /^header/.test(part) ? 'page header' : /^footer/.test(part) ? 'page footer' : undefined;
    const text = where ? textOf(xml) : '';
    if (!where || seen.has(text) || !/\p{L}/u.test(text) || /^(page|p\.)?\s*\d*\s*((of|\/)\s*\d*)?$/iu.test(text)) continue;
    seen.add(text);
    findings.push({ what: `the ${where} ${quote(text, 80)} was left out`, todo: "Clarion's templates print the letterhead; if it says something the statement needs (an embargo, a reference), put that in the statement" });
  }
  return findings;
}

function objects(xml: string): Finding[] {
  const found: [number, string, string, string][] = [
    [countElements(xml, 'c:chart'), 'a chart', 'charts', 'in Word, copy the chart and paste it as a picture, then import again (or add it as an image: ![description](images/chart.png))'],
    [countElements(xml, 'dgm:relIds'), 'a SmartArt diagram', 'SmartArt diagrams', 'write what it says as a list in the statement, or save it as a picture and add it as an image'],
    [countElements(xml, 'm:oMath'), 'an equation', 'equations', 'write it in the statement as text'],
    [countElements(xml, 'w:object'), 'an embedded object (a spreadsheet or another file)', 'embedded objects (spreadsheets or other files)', 'paste its content into the document as text or a table and import again; at most its picture came over'],
    [countElements(xml, 'w:altChunk'), 'an embedded document', 'embedded documents', 'paste its text into the document itself and import again'],
  ];
  const findings: Finding[] = found.filter(([n]) => n > 0).map(([n, one, many, todo]) => ({ what: `${n === 1 ? `${one} was` : `${n} ${many} were`} left out`, todo }));
  if (countElements(xml, 'wps:txbx') + countElements(xml, 'v:textbox') > 0) {
    findings.push({ what: 'the text of text boxes came over as paragraphs, where each box is anchored', todo: 'check that it is in the right place, or remove it if it was decoration' });
  }
  const hidden = elements(xml, 'w:r').filter((run) => /<w:vanish\s*\/>/.test(run.content) && /<w:t[\s>]/.test(run.content)).map((run) => textOf(run.content));
  if (hidden.length) findings.push({ what: `hidden text came over as ordinary text (${quoted(hidden)})`, todo: 'remove it from the statement if it was meant to stay hidden' });
  return findings;
}

function quoted(texts: string[]): string {
  const shown = texts.slice(0, MAX_QUOTED).map((t) => quote(t, 40)).join(', ');
  return texts.length > MAX_QUOTED ? `${shown} and ${texts.length - MAX_QUOTED} more` : shown;
}

function listing(items: readonly string[]): string {
  return items.length < 2 ? items.join('') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}
