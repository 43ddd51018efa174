/**
 * Reads the organisation profile and the statements of a project and validates them all,
 * including the checks that span files (two statements with one slug).
 */
import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Diagnostic } from '../report/diagnostic.ts';
import { findSources } from './find-sources.ts';
import { missingOrganization, parseOrganization } from './parse-organization.ts';
import { parseStatement, UN_KIND } from './parse-statement.ts';
import { loadProfiles, PROFILES_FILE } from '../un/profiles.ts';
import { organizationDefaults, type Organization } from './schema.ts';
import type { Statement } from './statement.ts';

export const STATEMENTS_DIR = 'statements';
export const TEMPLATES_DIR = 'templates';
export const ORGANIZATION_FILE = `${STATEMENTS_DIR}/organization.yaml`;

export interface LoadedStatements {
  organization?: Organization;
  kinds: string[];
  /** Every source found, valid or not. */
  files: string[];
  /** Statements without errors. */
  statements: Statement[];
  diagnostics: Diagnostic[];
}

export async function loadStatements(root: string, paths: readonly string[] = [STATEMENTS_DIR]): Promise<LoadedStatements> {
  const [org, kinds, files] = await Promise.all([
    readFile(path.join(root, ORGANIZATION_FILE)).then(
      (bytes) => parseOrganization(ORGANIZATION_FILE, bytes),
      () => ({ organization: undefined, diagnostics: [missingOrganization(ORGANIZATION_FILE)] }),
    ),
    listKinds(root),
    findSources(root, paths),
  ]);
  const diagnostics: Diagnostic[] = [...org.diagnostics];
  // Statements are still checked against defaults when the profile itself has errors.
  const organization = org.organization ?? { ...organizationDefaults, name: '', contacts: [] };
  const profiles = kinds.includes(UN_KIND) ? await readProfiles(root) : undefined;
  if (profiles) diagnostics.push(...profiles.diagnostics);
  const parsed = await Promise.all(
    files.map(async (file) => parseStatement(file, await readFile(path.join(root, file)), { organization, kinds, ...(profiles ? { profiles: profiles.profiles } : {}) })),
  );
  const statements: Statement[] = [];
  for (const result of parsed) {
    diagnostics.push(...result.diagnostics);
    if (result.statement) statements.push(result.statement);
  }
  const unique = dropDuplicateSlugs(statements, diagnostics);
  return { ...(org.organization ? { organization: org.organization } : {}), kinds, files, statements: unique, diagnostics };
}

async function readProfiles(root: string): Promise<ReturnType<typeof loadProfiles>> {
  const text = await readFile(path.join(root, PROFILES_FILE), 'utf8').catch(() => undefined);
  if (text === undefined) {
    return { profiles: new Map(), diagnostics: [{ file: PROFILES_FILE, line: 1, column: 1, severity: 'error', rule: 'missing-profiles', message: 'the submission profiles file is missing', hint: `restore ${PROFILES_FILE} (it lists the UN word limits and layouts)` }] };
  }
  return loadProfiles(PROFILES_FILE, text);
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
  for (const s of statements) bySlug.set(s.slug, [...(bySlug.get(s.slug) ?? []), s]);
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
