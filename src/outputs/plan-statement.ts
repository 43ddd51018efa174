/**
 * Renders one statement into the files it will be written as (and the HTML to print). The same
 * planner runs in the main thread or in a render worker: it needs only plain data.
 */
import path from 'node:path';
import type { AssetFile } from '../assets/build-assets.ts';
import { publishImage } from '../assets/publish-image.ts';
import type { Diagnostic } from '../report/diagnostic.ts';
import { ORGANIZATION_FILE } from '../sources/load-statements.ts';
import type { Organization } from '../sources/schema.ts';
import type { Statement } from '../sources/statement.ts';
import { loadKind, TemplateError, type Kind } from '../templates/load-kind.ts';
import { loadStrings } from '../templates/locale.ts';
import type { FormatLink } from '../templates/view-model.ts';
import { renderStatement } from './render-statement.ts';

export const FORMATS = ['html', 'text', 'pdf'] as const;
export type Format = (typeof FORMATS)[number];

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
}

export interface Planned {
  statement: Statement;
  files: { path: string; content: string | Uint8Array }[];
  print?: string;
}

export interface PlanResult {
  plan?: Planned;
  diagnostics: Diagnostic[];
  /** Images this statement published (content-hashed paths, so duplicates are the same file). */
  media: AssetFile[];
  /** Source files of every image the statement shows (its outputs depend on them). */
  mediaSources: string[];
}

export type Planner = (statement: Statement) => PlanResult;

export function createPlanner(setup: PlanSetup, preloaded?: ReadonlyMap<string, Kind>): Planner {
  const kinds = new Map<string, Kind>(preloaded);
  const media = new Map<string, AssetFile>();
  return (statement) => {
    const diagnostics: Diagnostic[] = [];
    let kind = kinds.get(statement.kind);
    try {
      if (!kind) {
        kind = loadKind(setup.root, setup.templatesDir, statement.kind);
        kinds.set(statement.kind, kind);
      }
      const published = new Set(media.keys());
      const sources = new Set<string>();
      const plan = planStatement(statement, kind, setup, diagnostics, (url) => publishImage(url, path.join(setup.root, statement.file), setup.statementsDir, media, sources));
      const fresh = [...media.entries()].filter(([key]) => !published.has(key)).map(([, asset]) => asset);
      return { ...(plan ? { plan } : {}), diagnostics, media: fresh, mediaSources: [...sources].sort() };
    } catch (error) {
      if (!(error instanceof TemplateError)) throw error;
      diagnostics.push({ file: error.file, line: error.line, column: error.column, severity: 'error', rule: 'template', message: `${error.reason} (while building ${statement.file})`, hint: 'fix the template' });
      return { diagnostics, media: [], mediaSources: [] };
    }
  };
}

function planStatement(statement: Statement, kind: Kind, setup: PlanSetup, diagnostics: Diagnostic[], resolveImage: Parameters<typeof renderStatement>[0]['resolveImage']): Planned | undefined {
  const { organization, formats } = setup;
  const { strings } = loadStrings(path.join(setup.templatesDir, 'locales'), statement.lang);
  const pageAssets = Object.fromEntries(Object.entries(setup.hrefs[kind.name] ?? {}).map(([k, v]) => [k, `../${v}`]));
  const rendered = renderStatement({
    statement,
    organization,
    organizationFile: ORGANIZATION_FILE,
    kind,
    strings,
    formats: formatLinks(statement, formats, strings),
    assets: pageAssets,
    ...(organization.website ? { canonicalUrl: new URL(`${statement.slug}/`, withSlash(organization.website)).href } : {}),
    generator: setup.generator,
    ...(resolveImage ? { resolveImage } : {}),
    want: { html: formats.includes('html'), text: formats.includes('text'), print: formats.includes('pdf') },
  });
  const problems = setup.strict ? rendered.diagnostics.map((d) => (d.severity === 'warning' ? { ...d, severity: 'error' as const } : d)) : rendered.diagnostics;
  diagnostics.push(...problems);
  if (problems.some((d) => d.severity === 'error')) return undefined;
  const files: Planned['files'] = [];
  if (rendered.html !== undefined) files.push({ path: `${statement.slug}/index.html`, content: rendered.html });
  if (rendered.text !== undefined) files.push({ path: `${statement.slug}/${statement.slug}.txt`, content: rendered.text });
  return { statement, files, ...(rendered.print !== undefined ? { print: rendered.print } : {}) };
}

export function formatLinks(statement: Statement, formats: readonly Format[], strings: Record<string, string>): FormatLink[] {
  const links: FormatLink[] = [];
  if (formats.includes('html')) links.push({ format: 'html', label: strings.format_html ?? 'Web page', href: 'index.html', type: 'text/html' });
  if (formats.includes('pdf')) links.push({ format: 'pdf', label: strings.format_pdf ?? 'PDF', href: `${statement.slug}.pdf`, type: 'application/pdf' });
  if (formats.includes('text')) links.push({ format: 'text', label: strings.format_text ?? 'Plain text', href: `${statement.slug}.txt`, type: 'text/plain' });
  return links;
}

function withSlash(url: string): string {
  return url.endsWith('/') ? url : `${url}/`;
}
