/**
 * Renders the press-release share card of a statement the way a build would lay it out:
 * `<out>/assets/...` (stylesheets with the bundled @font-face rules, fonts) and
 * `<out>/<slug>/card.html`, with the font stack and line heights of the statement's language.
 */
import { readFileSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { buildAssets } from '../../src/project/build-assets.ts';
import { languageTypography, loadFontFaces, readFontsList } from '../../src/project/fonts.ts';
import { parseOrganization } from '../../src/sources/parse-organization.ts';
import { parseStatement } from '../../src/sources/parse-statement.ts';
import type { Statement } from '../../src/sources/statement.ts';
import { renderViews } from '../../src/formats/views.ts';
import { loadTemplateSet } from '../../src/project/load-template-set.ts';
import { loadStrings } from '../../src/project/locales.ts';
import { viewModel } from '../../src/templates/view-model.ts';
import { typographyStyle } from '../../src/project/fonts.ts';

export const repoRoot = path.resolve(import.meta.dirname, '../..');
const templatesDir = path.join(repoRoot, 'templates');

export const ORGANIZATION_YAML = `name: Ahmadiyya Muslim Community — Press & Media
website: https://press.example.org/
timezone: Asia/Karachi
`;

/** The statement of `source`; throws on any problem, warnings included. */
export function readStatement(file: string, source: string): Statement {
  const parsed = parseStatement(file, new TextEncoder().encode(source), { organization: organization(), kinds: ['press-release'] });
  if (!parsed.statement || parsed.diagnostics.length) throw new Error(parsed.diagnostics.map((d) => `${d.file}:${d.line} ${d.severity} ${d.message}`).join('\n'));
  return parsed.statement;
}

export function organization() {
  return parseOrganization('statements/organization.yaml', new TextEncoder().encode(ORGANIZATION_YAML)).organization!;
}

/** Writes the shared assets (stylesheets with @font-face rules, fonts) under `outDir`. */
async function writeAssets(outDir: string) {
  const kind = loadTemplateSet(repoRoot, templatesDir, 'press-release');
  const fonts = loadFontFaces(readFontsList(repoRoot).entries).faces;
  const assets = buildAssets([kind], fonts, undefined);
  for (const asset of assets.files) {
    await mkdir(path.dirname(path.join(outDir, asset.path)), { recursive: true });
    await writeFile(path.join(outDir, asset.path), asset.content);
  }
  const hrefs = Object.fromEntries(Object.entries(assets.hrefs.get(kind.name) ?? {}).map(([k, v]) => [k, `../${v}`]));
  return { kind, fonts, hrefs };
}

/** Writes the assets and the card of `source` under `outDir`; returns the card's path. */
export async function writeCard(outDir: string, file: string, source: string): Promise<{ htmlFile: string; html: string; statement: Statement }> {
  const statement = readStatement(file, source);
  const { kind, fonts, hrefs } = await writeAssets(outDir);
  const html = kind.templates.card!(
    viewModel({
      statement,
      organization: organization(),
      strings: loadStrings(path.join(templatesDir, 'locales'), statement.lang).strings,
      formats: [],
      assets: hrefs,
      generator: 'Clarion test',
      typography: languageTypography(fonts, statement.lang),
    }),
  );
  const htmlFile = path.join(outDir, statement.slug, 'card.html');
  await mkdir(path.dirname(htmlFile), { recursive: true });
  await writeFile(htmlFile, html);
  return { htmlFile, html, statement };
}

/**
 * Writes the print HTML (what becomes the PDF) of `source` under `outDir`, with the language's
 * custom properties set on <html> as the templates are to set them.
 */
export async function writePrint(outDir: string, file: string, source: string): Promise<{ htmlFile: string; html: string; statement: Statement }> {
  const statement = readStatement(file, source);
  const { kind, fonts, hrefs } = await writeAssets(outDir);
  const { views: rendered } = renderViews({
    statement,
    organization: organization(),
    organizationFile: 'statements/organization.yaml',
    templates: kind,
    strings: loadStrings(path.join(templatesDir, 'locales'), statement.lang).strings,
    formats: [],
    assets: hrefs,
    generator: 'Clarion test',
    want: new Set(['print']),
  });
  const style = typographyStyle(languageTypography(fonts, statement.lang)).replace(/'/g, '&#x27;');
  const html = rendered.print!.replace(/<html ([^>]*)>/, `<html $1 style="${style}">`);
  const htmlFile = path.join(outDir, statement.slug, 'print.html');
  await mkdir(path.dirname(htmlFile), { recursive: true });
  await writeFile(htmlFile, html);
  return { htmlFile, html, statement };
}

export function urduSource(): string {
  return readFileSync(path.join(repoRoot, 'statements/ahmadi-mosques-desecrated/ur.md'), 'utf8');
}

export function englishSource(): string {
  return readFileSync(path.join(repoRoot, 'statements/ahmadi-mosques-desecrated/en.md'), 'utf8');
}
