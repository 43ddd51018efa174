/**
 * Renders one statement into the files it will be written as (and the HTML to print). The same
 * planner runs in the main thread or in a render worker: it needs only plain data.
 */
import path from 'node:path';
import type { AssetFile } from '../assets/build-assets.ts';
import { publishImage } from '../assets/publish-image.ts';
import { languageTypography, loadFonts, type LanguageTypography } from '../assets/fonts.ts';
import type { Diagnostic } from '../report/diagnostic.ts';
import { ORGANIZATION_FILE } from '../sources/load-statements.ts';
import type { Organization } from '../sources/schema.ts';
import type { Statement } from '../sources/statement.ts';
import { loadTemplateSet, TemplateError, type TemplateSet } from '../templates/load-template-set.ts';
import { loadStrings, localeWarning } from '../templates/locale.ts';
import { kindNamed } from '../kinds/index.ts';
import { renderStatement } from './render-statement.ts';
import { formatLinks, type Format } from './formats.ts';
import { emailSubject } from '../formats/eml/email-subject.ts';
import type { EmlInput } from '../formats/eml/compose-eml.ts';
import { messageId, messageIdDomain } from '../formats/eml/message-id.ts';

export { FORMATS, formatLinks, type Format } from './formats.ts';

export interface PlanSetup {
  root: string;
  templatesDir: string;
  statementsDir: string;
  organization: Organization;
  /** Asset paths inside the output folder, per kind (style, print, logo). */
  hrefs: Record<string, Record<string, string>>;
  formats: Format[];
  strict: boolean;
  generator: string;
  /** SOURCE_DATE_EPOCH, when set: the date stamped into documents instead of the statement's. */
  documentDate?: Date;
}

export interface Planned {
  statement: Statement;
  files: { path: string; content: string | Uint8Array }[];
  print?: string;
  /** The share card's HTML, captured as card.png. */
  card?: string;
  /** The web page's absolute URL, when the organisation has a website. */
  pageUrl?: string;
  /** The email draft, composed once the PDF (a possible attachment) exists. */
  eml?: Omit<EmlInput, 'attachments'>;
}

export interface PlanResult {
  plan?: Planned;
  diagnostics: Diagnostic[];
  /** Images this statement published (content-hashed paths, so duplicates are the same file). */
  media: AssetFile[];
  /** Source files of every image the statement shows (its outputs depend on them). */
  mediaSources: string[];
}

export type Planner = (statement: Statement) => Promise<PlanResult>;

export function createPlanner(setup: PlanSetup, preloaded?: ReadonlyMap<string, TemplateSet>): Planner {
  const kinds = new Map<string, TemplateSet>(preloaded);
  const fonts = loadFonts(path.join(setup.templatesDir, 'fonts.yaml'));
  const media = new Map<string, AssetFile>();
  return async (statement) => {
    const diagnostics: Diagnostic[] = [];
    let kind = kinds.get(statement.kind);
    try {
      if (!kind) {
        kind = loadTemplateSet(setup.root, setup.templatesDir, statement.kind);
        kinds.set(statement.kind, kind);
      }
      const published = new Set(media.keys());
      const sources = new Set<string>();
      const typography = languageTypography(fonts, statement.lang);
      const resolve = (url: string) => {
        const published = publishImage(url, path.join(setup.root, statement.file), setup.statementsDir, media, sources);
        return 'href' in published ? { href: `${upTo(statement)}${published.href}` } : published;
      };
      const plan = await planStatement(statement, kind, { ...setup, typography }, diagnostics, resolve);
      const fresh = [...media.entries()].filter(([key]) => !published.has(key)).map(([, asset]) => asset);
      return { ...(plan ? { plan } : {}), diagnostics, media: fresh, mediaSources: [...sources].sort() };
    } catch (error) {
      if (!(error instanceof TemplateError)) throw error;
      diagnostics.push({ file: error.file, line: error.line, column: error.column, severity: 'error', rule: 'template', message: `${error.reason} (while building ${statement.file})`, hint: 'fix the template' });
      return { diagnostics, media: [], mediaSources: [] };
    }
  };
}

async function planStatement(statement: Statement, kind: TemplateSet, setup: PlanSetup & { typography: LanguageTypography }, diagnostics: Diagnostic[], resolveImage: Parameters<typeof renderStatement>[0]['resolveImage']): Promise<Planned | undefined> {
  const { organization, formats } = setup;
  const loaded = loadStrings(path.join(setup.templatesDir, 'locales'), statement.lang);
  const { strings } = loaded;
  // One warning per statement that lists every template word missing in its language.
  const missingWords = localeWarning(statement.lang, loaded, { file: statement.file });
  if (missingWords) diagnostics.push(missingWords);
  const up = upTo(statement);
  const pageAssets = Object.fromEntries(Object.entries(setup.hrefs[kind.name] ?? {}).map(([k, v]) => [k, `${up}${v}`]));
  const canonicalUrl = organization.website ? new URL(`${statement.folder}/`, withSlash(organization.website)).href : undefined;
  const wantEml = formats.includes('eml') && kind.templates.email !== undefined;
  const rendered = renderStatement({
    statement,
    organization,
    organizationFile: ORGANIZATION_FILE,
    kind,
    strings,
    formats: formatLinks({ slug: statement.slug, word: kindNamed(statement.kind).wordDocument !== undefined }, formats, strings),
    assets: pageAssets,
    ...(canonicalUrl ? { canonicalUrl } : {}),
    generator: setup.generator,
    ...(resolveImage ? { resolveImage } : {}),
    want: { html: formats.includes('html'), text: formats.includes('text') || wantEml, print: formats.includes('pdf'), email: wantEml, docx: formats.includes('docx'), card: formats.includes('card') },
    ...(setup.documentDate ? { documentDate: setup.documentDate } : {}),
    typography: setup.typography,
  });
  const problems = setup.strict ? rendered.diagnostics.map((d) => (d.severity === 'warning' ? { ...d, severity: 'error' as const } : d)) : rendered.diagnostics;
  diagnostics.push(...problems);
  if (problems.some((d) => d.severity === 'error')) return undefined;
  const files: Planned['files'] = [];
  const out = statement.folder;
  if (rendered.html !== undefined) files.push({ path: `${out}/index.html`, content: rendered.html });
  if (rendered.text !== undefined && formats.includes('text')) files.push({ path: `${out}/${statement.slug}.txt`, content: rendered.text });
  // Word and email writers are loaded only for the statements that need them.
  if (rendered.docx) files.push({ path: `${out}/${statement.slug}.docx`, content: await (await import('../formats/docx/index.ts')).writeDocx(rendered.docx) });
  let eml: Planned['eml'];
  if (wantEml && rendered.email !== undefined && rendered.text !== undefined) {
    const from = fromAddress(organization);
    if (!from) {
      diagnostics.push({ file: ORGANIZATION_FILE, line: 1, column: 1, severity: 'warning', rule: 'no-press-email', field: 'press_email', message: 'there is no address to send releases from, so no email draft (.eml) is made', hint: 'add "press_email: press@your-domain" to the organisation profile' });
    } else {
      const { emailSafeHtml } = await import('../formats/eml/email-html.ts');
      const html = emailSafeHtml(rendered.email, canonicalUrl ? { baseUrl: canonicalUrl } : {});
      files.push({ path: `${out}/email.html`, content: html });
      eml = {
        from: { name: organization.name, address: from },
        subject: emailSubject(statement, organization),
        date: statement.date.instant,
        messageId: messageId(statement.folder.replace('/', '.'), statement.date.date, messageIdDomain(organization.website, from)),
        text: rendered.text,
        html,
        draft: true,
      };
    }
  }
  return { statement, files, ...(canonicalUrl ? { pageUrl: canonicalUrl } : {}), ...(rendered.print !== undefined ? { print: rendered.print } : {}), ...(rendered.card !== undefined ? { card: rendered.card } : {}), ...(eml ? { eml } : {}) };
}

/** The organisation's press address, else its first contact's email. */
export function fromAddress(organization: Organization): string | undefined {
  return organization.press_email ?? organization.contacts.find((c) => c.email)?.email;
}

/** From a statement's folder up to the output folder: `../` or `../../`. */
export function upTo(statement: Pick<Statement, 'folder'>): string {
  return '../'.repeat(statement.folder.split('/').length);
}

function withSlash(url: string): string {
  return url.endsWith('/') ? url : `${url}/`;
}
