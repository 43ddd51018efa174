/**
 * One statement to the views its formats are made from: the web page, the plain-text release,
 * the HTML printed to PDF, the email and share-card pages, the Word document. Only the views
 * asked for are rendered. Pure: all inputs are in memory; nothing is read or written here.
 */
import type { List, ListItem, Root } from 'mdast';
import { insertDateline } from '../markdown/insert-dateline.ts';
import { parseMarkdown } from '../markdown/parse-markdown.ts';
import { resolveImages, type ImageResolver } from '../markdown/resolve-images.ts';
import { createTextSerializer, wrapText } from '../markdown/text/index.ts';
import { toHtml } from '../markdown/to-html.ts';
import { aboutHtml, parsedAbout } from './about.ts';
import type { Diagnostic } from '../report/diagnostic.ts';
import type { Organization } from '../sources/schema.ts';
import type { Statement } from '../sources/statement.ts';
import { datelineParts, datelineText, formatDate } from '../templates/format.ts';
import type { TemplateSet } from '../project/load-template-set.ts';
import type { Strings } from '../project/locales.ts';
import { languageVersions, viewModel, type TextParts } from '../templates/view-model.ts';
import type { FormatLink } from './index.ts';
import type { View, Views } from './format.ts';
import { normalizeText } from './text/normalize-text.ts';
import { kindNamed } from '../kinds/index.ts';
import type { LanguageTypography } from '../project/fonts.ts';

export interface RenderInputs {
  statement: Statement;
  organization: Organization;
  /** Where the organisation profile lives, for positions of problems in its `about`. */
  organizationFile: string;
  templates: TemplateSet;
  strings: Strings;
  formats: FormatLink[];
  assets: Record<string, string>;
  canonicalUrl?: string;
  generator: string;
  /** Publishes an image stored beside the statement and returns its URL relative to the page. */
  resolveImage?: ImageResolver;
  /** Which views to render. */
  want: ReadonlySet<View>;
  /** The date stamped into documents that carry one (Word): SOURCE_DATE_EPOCH or the statement's. */
  documentDate?: Date;
  /** Font stack and line heights for the statement's language. */
  typography?: LanguageTypography;
}

export interface RenderedViews {
  views: Views;
  diagnostics: Diagnostic[];
}

export function renderViews(inputs: RenderInputs): RenderedViews {
  const { statement: s, organization: org, strings } = inputs;
  const diagnostics: Diagnostic[] = [];
  const allowHtml = org.allow_html;
  const parse = (markdown: string, file: string, firstLine: number, lang = s.lang) => {
    const parsed = parseMarkdown(markdown, { file, firstLine, lang, allowHtml });
    diagnostics.push(...parsed.diagnostics);
    return parsed.tree;
  };
  const body = parse(s.body, s.file, s.bodyLine);
  if (inputs.resolveImage) diagnostics.push(...resolveImages(body, inputs.resolveImage, s.file, s.bodyLine));
  const notes = s.notes.map((note) => parse(note, s.file, 1));
  // The organisation's boilerplate is written in its own language, whatever the statement's.
  const about = org.about ? parsedAbout(org.about, inputs.organizationFile, org.lang, allowHtml, diagnostics) : undefined;
  // Some kinds have no dateline (a UN submission's first block says where and when).
  const kind = kindNamed(s.kind);
  const parts = kind.dateline ? datelineParts(s.location, s.date, s.lang, org.dateline_style) : undefined;
  const numbered = kind.transform ? kind.transform(body, s) : body;

  const want = inputs.want;
  const templates = inputs.templates.templates;
  const views: Views = {};
  if (want.has('word') && kind.wordDocument) {
    const doc = kind.wordDocument(s, org, body, { date: inputs.documentDate ?? s.date.instant, ...(strings.page_of ? { pageLabel: strings.page_of } : {}), ...(s.proof || s.draft ? { mark: s.proof ?? strings.draft ?? 'DRAFT' } : {}) });
    if (doc) views.word = doc;
  }
  const wantCard = want.has('card') && templates.card !== undefined;
  const base = {
    statement: s,
    organization: org,
    strings,
    formats: inputs.formats,
    assets: inputs.assets,
    generator: inputs.generator,
    ...(inputs.canonicalUrl ? { canonicalUrl: inputs.canonicalUrl } : {}),
    ...(kind.view ? { kindView: kind.view(s, org, strings) } : {}),
    ...(inputs.typography ? { typography: inputs.typography } : {}),
    ...(wantCard ? { cardUrl: inputs.canonicalUrl ? new URL('card.png', inputs.canonicalUrl).href : 'card.png' } : {}),
  };
  if (want.has('html') || want.has('print') || want.has('email') || wantCard) {
    const taskLabels = { done: strings.task_done ?? 'done', open: strings.task_open ?? 'not done' };
    const html = {
      bodyHtml: toHtml(insertDateline(numbered, parts, s.date.date), { allowHtml, footnotesLabel: strings.footnotes ?? 'Notes', taskLabels }),
      notesHtml: notes.map((n, i) => stripParagraph(toHtml(n, { allowHtml, footnotesLabel: strings.footnotes ?? 'Notes', taskLabels, headingBase: 2, idPrefix: `note${i + 1}-` }))),
      ...(about ? { aboutHtml: aboutHtml(about, { allowHtml, footnotesLabel: strings.footnotes ?? 'Notes', taskLabels, headingBase: 2, idPrefix: 'about-' }) } : {}),
    };
    const model = viewModel({ ...base, html });
    if (want.has('html')) views.html = templates.page!(model);
    if (want.has('print') && templates.print) views.print = templates.print(model);
    if (want.has('email') && templates.email) views.email = templates.email(model);
    if (wantCard) views.card = templates.card!(model);
  }
  if (want.has('text')) {
    const text = { ...textParts(s, org, strings, numbered, notes, about, datelineText(parts)), ...translationsText(s, strings, inputs.canonicalUrl, org.text_width), ...(kind.textParts ? kind.textParts(s, org, org.text_width) : {}) };
    const release = normalizeText(templates.text!(viewModel({ ...base, text })));
    views.text = s.dir === 'rtl' ? withDirectionMarks(release) : release;
  }
  return { views, diagnostics };
}

function textParts(s: Statement, org: Organization, strings: Strings, body: Root, notes: Root[], about: Root | undefined, dateline: string): TextParts {
  const width = org.text_width;
  const serializer = createTextSerializer({ width });
  const rendered = serializer.render(body, { firstParagraphPrefix: dateline });
  const contacts = s.contacts
    .map((c) => [c.role ? `${c.name}, ${c.role}` : c.name, c.email ? `${strings.email ?? 'Email'}: ${c.email}` : '', c.phone ? `${strings.phone ?? 'Phone'}: ${c.phone}` : '']
      .filter(Boolean)
      .map((line) => wrapText(line, width))
      .join('\n'))
    .join('\n\n');
  // Notes to editors are an ordered list, so they wrap with hanging indents like any list.
  const notesList: List = { type: 'list', ordered: true, start: 1, spread: false, children: notes.map((n): ListItem => ({ type: 'listItem', spread: false, children: n.children as ListItem['children'] })) };
  return {
    headline: wrapText(s.title, width),
    ...(s.subtitle ? { subtitle: wrapText(s.subtitle, width) } : {}),
    body: rendered,
    contacts,
    notes: notes.length ? serializer.render({ type: 'root', children: [notesList] }) : '',
    ...(about ? { about: serializer.render(about) } : {}),
    references: serializer.references(),
    ...(s.corrections.length ? { corrections: s.corrections.map((c) => wrapText(`${(strings.correction ?? 'Correction ({date})').replace('{date}', formatDate(c.date, s.lang))}: ${c.note}`, width)).join('\n\n') } : {}),
  };
}

const RTL_START = /^[\p{Script=Arabic}\p{Script=Hebrew}\p{Script=Syriac}\p{Script=Thaana}\p{Script=Nko}\p{Script=Adlam}]/u;
const RLM = '\u200F';

/**
 * A right-to-left text release reads right to left in mail clients, which set each line's
 * direction from its first letter: a line that starts with a number, a Latin name, a URL or a
 * rule ("27 نومبر 2023", "[1] https://...") starts with a right-to-left mark.
 */
export function withDirectionMarks(text: string): string {
  return text.split('\n').map((line) => (line === '' || RTL_START.test(line) ? line : `${RLM}${line}`)).join('\n');
}

/** The statement's other languages, each on a line with its address (when the newsroom has a website). */
function translationsText(s: Statement, strings: Strings, canonicalUrl: string | undefined, width: number): Pick<TextParts, 'translations'> {
  const others = languageVersions(s, canonicalUrl).filter((v) => !v.current);
  if (others.length === 0) return {};
  const lines = others.map((v) => wrapText(canonicalUrl ? `${v.label}: ${v.href}` : v.label, width));
  return { translations: `${strings.also_in ?? 'Also in'}:\n${lines.join('\n')}` };
}

/** A one-paragraph note is shown inline in its list item. */
function stripParagraph(html: string): string {
  const m = /^<p>([\s\S]*)<\/p>\n?$/.exec(html.trim());
  return m && !m[1]!.includes('<p>') ? m[1]! : html;
}

