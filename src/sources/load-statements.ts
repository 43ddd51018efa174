/**
 * Reads the organisation profile and the statements of a project and validates them all,
 * including the checks that span files (two statements with one slug).
 */
import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Diagnostic } from '../report/diagnostic.ts';
import { findSourcesChecked, leavesStatements } from './find-sources.ts';
import { missingOrganization, parseOrganization } from './parse-organization.ts';
import { parseCached as cachedParse } from './parse-cache.ts';
import { parseStatement, type ParsedStatement, type StatementContext } from './parse-statement.ts';
import { codedKinds } from '../kinds/index.ts';
import { organizationDefaults, SLUG_PATTERN, type Organization } from './schema.ts';
import { languageTagProblem } from './explain-language-tag.ts';
import { canonicalLanguageTag } from './language-tag.ts';
import type { Statement } from './statement.ts';
import type { ReadOnce } from '../util/read-once.ts';

import { ORGANIZATION_FILE, STATEMENTS_DIR, TEMPLATES_DIR } from '../project/paths.ts';

export { ORGANIZATION_FILE, STATEMENTS_DIR, TEMPLATES_DIR };

export interface LoadedStatements {
  organization?: Organization;
  kinds: string[];
  /** Every source found, valid or not. */
  files: string[];
  /** Statements without errors. */
  statements: Statement[];
  diagnostics: Diagnostic[];
}

/** `reads`: the build's reads of sources, when it hashes them too (build/keys.ts). */
export async function loadStatements(root: string, paths: readonly string[] = [STATEMENTS_DIR], reads?: ReadOnce): Promise<LoadedStatements> {
  const [org, kinds, found] = await Promise.all([
    readFile(path.join(root, ORGANIZATION_FILE)).then(
      (bytes) => parseOrganization(ORGANIZATION_FILE, bytes),
      () => ({ organization: undefined, diagnostics: [missingOrganization(ORGANIZATION_FILE)] }),
    ),
    listKinds(root),
    findSourcesChecked(root, paths),
  ]);
  // Links leading out of statements/ are reported (and counted), never read.
  const files = found.files;
  const diagnostics: Diagnostic[] = [...org.diagnostics, ...found.diagnostics];
  // Statements are still checked against defaults when the profile itself has errors.
  const organization = org.organization ?? { ...organizationDefaults, name: '', contacts: [] };
  const settings = await loadKindSettings(root, kinds);
  diagnostics.push(...settings.diagnostics);
  const base = { organization, kinds, settings: settings.settings };
  const read = (file: string) => (reads ? reads.read(path.join(root, file)) : readFile(path.join(root, file)));
  const requested = new Set(files);
  const folders = [...new Set(files.map((f) => translationOf(f)?.folder).filter((f): f is string => f !== undefined))];
  // In a folder of translations, a file named like a language that is not one ("pt_BR.md") is a mistake, not a statement of its own.
  const misnamed = files.filter((f) => !translationOf(f) && folders.includes(path.posix.dirname(f)) && LANG_FILE.test(path.posix.basename(f)));
  for (const file of misnamed) diagnostics.push(misnamedTranslation(file));
  const singles = files.filter((f) => !translationOf(f) && !misnamed.includes(f));
  const parsed = await Promise.all(singles.map(async (file) => parseCached(file, await read(file), base)));
  const statements: Statement[] = [];
  for (const result of parsed) {
    diagnostics.push(...result.diagnostics);
    if (result.statement) statements.push(result.statement);
  }
  for (const folder of folders) {
    const group = await loadTranslations(root, folder, organization.lang, base, read);
    diagnostics.push(...group.diagnostics.filter((d) => requested.has(d.file) || !d.file.startsWith(`${folder}/`)));
    statements.push(...group.statements.filter((st) => requested.has(st.file)));
  }
  const unique = dropDuplicateSlugs(statements, diagnostics);
  return { ...(org.organization ? { organization: org.organization } : {}), kinds, files: [...files, ...found.refused].sort(), statements: unique, diagnostics };
}

const LANG_FILE = /^([A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{1,8})*)\.(?:md|markdown)$/;

/** `statements/<slug>/<lang>.md` is one language of a statement; any other file stands alone. */
export function translationOf(file: string): { folder: string; slug: string; lang: string; written: string } | undefined {
  const parts = file.split('/');
  if (parts.length < 3) return undefined;
  const written = LANG_FILE.exec(parts[parts.length - 1]!)?.[1];
  const lang = written === undefined ? undefined : canonicalLanguageTag(written);
  if (written === undefined || lang === undefined) return undefined;
  return { folder: parts.slice(0, -1).join('/'), slug: parts[parts.length - 2]!, lang, written };
}

function renameFix(file: string): (tag: string) => string {
  const extension = path.posix.extname(file);
  return (tag) => `rename the file ${tag}${extension}`;
}

function misnamedTranslation(file: string): Diagnostic {
  const name = path.posix.basename(file).replace(/\.[^.]*$/, '');
  const problem = languageTagProblem(name, `the file name "${name}"`, renameFix(file))!;
  return { file, line: 1, column: 1, ...problem, hint: `${problem.hint} (in a folder of translations, each file is named for its language)` };
}

/**
 * The language versions of a statement folder: the default language (the organisation's, else
 * English, else the first) keeps `dist/<slug>/`; each other language gets `dist/<slug>/<lang>/`
 * and takes the fields it leaves out from the default version (never its title or body).
 */
async function loadTranslations(
  root: string,
  folder: string,
  defaultLang: string,
  base: Omit<StatementContext, 'translation'>,
  read: (file: string) => Promise<Uint8Array>,
): Promise<{ statements: Statement[]; diagnostics: Diagnostic[] }> {
  const entries = (await readdir(path.join(root, folder))).map((name) => `${folder}/${name}`).filter((file) => !leavesStatements(root, file)).map((file) => ({ file, t: translationOf(file) })).filter((e) => e.t);
  const versions = entries.map((e) => ({ file: e.file, slug: e.t!.slug, lang: e.t!.lang })).sort((a, b) => a.lang.localeCompare(b.lang));
  const slug = versions[0]!.slug;
  const diagnostics: Diagnostic[] = [];
  for (const { file, t } of entries) {
    const problem = languageTagProblem(t!.written, `the file name "${t!.written}"`, renameFix(file));
    if (problem) diagnostics.push({ file, line: 1, column: 1, ...problem });
  }
  if (!SLUG_PATTERN.test(slug)) {
    for (const v of versions) diagnostics.push({ file: v.file, line: 1, column: 1, severity: 'error', rule: 'invalid-slug', message: `the folder name "${slug}" is not a valid slug`, hint: 'rename the folder with lower-case letters, digits and single hyphens' });
    return { statements: [], diagnostics };
  }
  const primary = versions.find((v) => v.lang === defaultLang) ?? versions.find((v) => v.lang === 'en') ?? versions[0]!;
  const first = parseCached(primary.file, await read(primary.file), { ...base, translation: { slug, lang: primary.lang } });
  diagnostics.push(...first.diagnostics);
  const statements: Statement[] = first.statement ? [first.statement] : [];
  for (const v of versions) {
    if (v === primary) continue;
    const result = parseCached(v.file, await read(v.file), { ...base, translation: { slug, lang: v.lang, ...(first.data ? { inherit: first.data } : {}) } });
    diagnostics.push(...result.diagnostics);
    if (result.statement) statements.push({ ...result.statement, folder: `${slug}/${v.lang}` });
  }
  const translations = statements.map((st) => ({ lang: st.lang, folder: st.folder }));
  return { statements: statements.map((st) => ({ ...st, translations: translations.length > 1 ? translations : [] })), diagnostics };
}

function parseCached(file: string, bytes: Uint8Array, context: StatementContext): ParsedStatement {
  return cachedParse(file, bytes, context, () => parseStatement(file, bytes, context));
}

/** The settings of each kind with code of its own whose templates are in the project (e.g. the UN profiles). */
async function loadKindSettings(root: string, kinds: readonly string[]): Promise<{ settings: Map<string, unknown>; diagnostics: Diagnostic[] }> {
  const settings = new Map<string, unknown>();
  const diagnostics: Diagnostic[] = [];
  const readText = (file: string) => readFile(path.join(root, file), 'utf8').catch(() => undefined);
  for (const kind of codedKinds()) {
    if (!kind.loadSettings || !kinds.includes(kind.name)) continue;
    const loaded = await kind.loadSettings(readText);
    settings.set(kind.name, loaded.settings);
    diagnostics.push(...loaded.diagnostics);
  }
  return { settings, diagnostics };
}

/** A kind is a folder of templates/ with a page template (locales/ and newsroom/ are not kinds). */
export async function listKinds(root: string): Promise<string[]> {
  const entries = await readdir(path.join(root, TEMPLATES_DIR), { withFileTypes: true }).catch(() => []);
  const kinds = entries.filter((e) => e.isDirectory() && !e.name.startsWith('.') && existsSync(path.join(root, TEMPLATES_DIR, e.name, 'page.hbs')));
  return kinds.map((e) => e.name).sort();
}

/** Two statements may not share an output folder: both are reported and neither is built. */
function dropDuplicateSlugs(statements: Statement[], diagnostics: Diagnostic[]): Statement[] {
  const bySlug = new Map<string, Statement[]>();
  for (const s of statements) bySlug.set(s.folder, [...(bySlug.get(s.folder) ?? []), s]);
  const kept: Statement[] = [];
  for (const [slug, group] of bySlug) {
    if (group.length === 1) {
      kept.push(group[0]!);
      continue;
    }
    for (const s of group) {
      const others = group.filter((o) => o !== s).map((o) => o.file).join(', ');
      diagnostics.push({
        file: s.file, line: 1, column: 1, severity: 'error', rule: 'duplicate-slug', field: 'slug',
        message: `the slug "${slug}" is also used by ${others}`,
        hint: 'give one of them a different "slug:" or rename the file',
      });
    }
  }
  return kept.sort((a, b) => a.file.localeCompare(b.file));
}
