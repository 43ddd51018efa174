/**
 * Renders one statement: its views, then the formats made from views alone (the web page, the
 * text release, the Word file). What the browser prints and what is made from other formats
 * (the PDF, the share card, the email, the thumbnail) follow in the main thread
 * (complete-job.ts). The same renderer runs in the main thread or in a render worker: it needs
 * only plain data.
 */
import path from 'node:path';
import type { AssetFile } from '../project/build-assets.ts';
import { languageTypography } from '../project/fonts.ts';
import { publishImage } from '../sources/publish-image.ts';
import { formatLinks, selectFormats, viewsNeeded, type Output, type OutputFormat, type Views } from '../formats/index.ts';
import { renderViews } from '../formats/views.ts';
import type { Diagnostic } from '../report/diagnostic.ts';
import { ORGANIZATION_FILE } from '../sources/load-statements.ts';
import type { Organization } from '../sources/schema.ts';
import { localContact, missingTextWarnings, organizationIn, rolesIn } from '../sources/organization-language.ts';
import type { Statement } from '../sources/statement.ts';
import { loadProject, type Project } from '../project/load-project.ts';
import { loadTemplateSet, TemplateError, type TemplateSet } from '../project/load-template-set.ts';
import { localeWarning } from '../project/locales.ts';

export interface RenderSetup {
  root: string;
  templatesDir: string;
  statementsDir: string;
  organization: Organization;
  /** Asset paths inside the output folder, per kind (style, print, logo). */
  hrefs: Record<string, Record<string, string>>;
  /** Names of the formats to build. */
  formats: string[];
  strict: boolean;
  generator: string;
  /** SOURCE_DATE_EPOCH, when set: the date stamped into documents instead of the statement's. */
  documentDate?: Date;
}

/** A statement rendered: the outputs made so far, and the views the other formats need. */
export interface RenderedJob {
  statement: Statement;
  /** Outputs by format, in the registry's order. */
  made: [string, Output[]][];
  views: Omit<Views, 'word'>;
  /** The web page's absolute URL, when the organisation has a website. */
  pageUrl?: string;
}

export interface RenderResult {
  job?: RenderedJob;
  diagnostics: Diagnostic[];
  /** Images this statement published (content-hashed paths, so duplicates are the same file). */
  media: AssetFile[];
  /** Source files of every image the statement shows (its outputs depend on them). */
  mediaSources: string[];
}

export type Renderer = (statement: Statement) => Promise<RenderResult>;

/** Made while rendering: formats that need neither the browser nor another format's output. */
export function madeWhileRendering(format: OutputFormat): boolean {
  return !format.browser && !format.after?.length && !format.requires?.length;
}

/** A renderer; a render worker, which cannot be handed the build's project, loads its own once. */
export function createRenderer(setup: RenderSetup, given?: Project): Renderer {
  const project = given ?? loadProject(setup.root, { kinds: [], newsroom: false, organization: setup.organization });
  const templateSets = new Map<string, TemplateSet>(project.templates);
  const formats = selectFormats(setup.formats);
  const media = new Map<string, AssetFile>();
  return async (statement) => {
    const diagnostics: Diagnostic[] = [];
    try {
      let templates = templateSets.get(statement.kind);
      if (!templates) {
        templates = loadTemplateSet(setup.root, setup.templatesDir, statement.kind);
        templateSets.set(statement.kind, templates);
      }
      const published = new Set(media.keys());
      const sources = new Set<string>();
      const resolveImage = (url: string) => {
        const image = publishImage(url, path.join(setup.root, statement.file), setup.statementsDir, media, sources);
        return 'href' in image ? { href: `${upTo(statement)}${image.href}` } : image;
      };
      const job = await renderJob(statement, templates, { ...setup, project, formats, typography: languageTypography(project.fonts, statement.lang) }, diagnostics, resolveImage);
      const fresh = [...media.entries()].filter(([key]) => !published.has(key)).map(([, asset]) => asset);
      return { ...(job ? { job } : {}), diagnostics, media: fresh, mediaSources: [...sources].sort() };
    } catch (error) {
      if (!(error instanceof TemplateError)) throw error;
      diagnostics.push({ file: error.file, line: error.line, column: error.column, severity: 'error', rule: 'template', message: `${error.reason} (while building ${statement.file})`, hint: 'fix the template' });
      return { diagnostics, media: [], mediaSources: [] };
    }
  };
}

type JobSetup = Omit<RenderSetup, 'formats'> & { project: Project; formats: OutputFormat[]; typography: ReturnType<typeof languageTypography> };

async function renderJob(source: Statement, templates: TemplateSet, setup: JobSetup, diagnostics: Diagnostic[], resolveImage: (url: string) => { href: string } | { problem: string; hint: string }): Promise<RenderedJob | undefined> {
  // The organisation in the statement's language: its name, about, address and contact roles.
  const { organization, statement } = inLanguage(setup.organization, source, diagnostics);
  const loaded = setup.project.strings(statement.lang);
  // One warning per statement that lists every template word missing in its language.
  const missingWords = localeWarning(statement.lang, loaded, { file: statement.file });
  if (missingWords) diagnostics.push(missingWords);
  const up = upTo(statement);
  const applicable = setup.formats.filter((f) => f.appliesTo(statement));
  const pageUrl = organization.website ? new URL(`${statement.folder}/`, withSlash(organization.website)).href : undefined;
  const rendered = renderViews({
    statement,
    organization,
    organizationFile: ORGANIZATION_FILE,
    templates,
    strings: loaded.strings,
    formats: formatLinks(statement, setup.formats, loaded.strings),
    assets: Object.fromEntries(Object.entries(setup.hrefs[templates.name] ?? {}).map(([k, v]) => [k, `${up}${v}`])),
    ...(pageUrl ? { canonicalUrl: pageUrl } : {}),
    generator: setup.generator,
    resolveImage,
    want: viewsNeeded(applicable),
    ...(setup.documentDate ? { documentDate: setup.documentDate } : {}),
    typography: setup.typography,
  });
  const problems = setup.strict ? rendered.diagnostics.map((d) => (d.severity === 'warning' ? { ...d, severity: 'error' as const } : d)) : rendered.diagnostics;
  diagnostics.push(...problems);
  if (problems.some((d) => d.severity === 'error')) return undefined;
  const made: [string, Output[]][] = [];
  for (const format of applicable.filter(madeWhileRendering)) {
    const result = await format.render({ statement, views: rendered.views, organization, made: new Map(made), ...(pageUrl ? { pageUrl } : {}), generator: setup.generator, documentDate: setup.documentDate ?? statement.date.instant });
    diagnostics.push(...(result.diagnostics ?? []));
    made.push([format.name, result.outputs]);
  }
  const { word: _word, ...views } = rendered.views;
  return { statement, made, views, ...(pageUrl ? { pageUrl } : {}) };
}

/** The organisation and the statement's contacts in its language, and a warning for each text that is not. */
function inLanguage(profile: Organization, statement: Statement, diagnostics: Diagnostic[]): { organization: Organization; statement: Statement } {
  const local = organizationIn(profile, statement.lang);
  if (local.organization === profile) return { organization: profile, statement };
  const roles = rolesIn(profile, statement.lang);
  const missingRoles: string[] = [];
  const contacts = statement.contacts.map((c) => localContact(c, roles, missingRoles));
  diagnostics.push(...missingTextWarnings(profile, statement.lang, [...local.missing.filter((m) => !m.startsWith('role ')), ...new Set(missingRoles)]));
  return { organization: local.organization, statement: { ...statement, contacts } };
}

/** From a statement's folder up to the output folder: `../` or `../../`. */
export function upTo(statement: Pick<Statement, 'folder'>): string {
  return '../'.repeat(statement.folder.split('/').length);
}

function withSlash(url: string): string {
  return url.endsWith('/') ? url : `${url}/`;
}
