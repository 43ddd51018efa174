/**
 * The templates a build needs, loaded once: the kind of each statement, the newsroom's index (in
 * HTML builds) and the organisation's logo. A broken template fails the statements of its kind
 * only; each problem is a positioned diagnostic. `check` and `build` both load them here, so they
 * report the same problems.
 */
import { existsSync, realpathSync } from 'node:fs';
import path from 'node:path';
import type { Diagnostic } from '../report/diagnostic.ts';
import { ORGANIZATION_FILE, STATEMENTS_DIR } from './paths.ts';
import type { Organization } from '../sources/schema.ts';
import { loadTemplateSet, TemplateError, type TemplateSet } from './load-template-set.ts';

export interface LoadedTemplates {
  kinds: Map<string, TemplateSet>;
  /** The newsroom index's templates, when asked for and sound. */
  newsroom?: TemplateSet;
  /** The logo's real path, when the profile names one inside statements/. */
  logo?: string;
  diagnostics: Diagnostic[];
}

export function loadTemplates(root: string, templatesDir: string, kindNames: Iterable<string>, options: { newsroom: boolean; organization: Organization }): LoadedTemplates {
  const diagnostics: Diagnostic[] = [];
  const problem = (error: TemplateError, hint: string) =>
    diagnostics.push({ file: error.file, line: error.line, column: error.column, severity: 'error', rule: 'template', message: error.reason, hint });
  const kinds = new Map<string, TemplateSet>();
  for (const name of new Set(kindNames)) {
    try {
      kinds.set(name, loadTemplateSet(root, templatesDir, name));
    } catch (error) {
      if (!(error instanceof TemplateError)) throw error;
      problem(error, 'fix the template; statements of this kind are not built until then');
    }
  }
  let newsroom: TemplateSet | undefined;
  if (options.newsroom) {
    try {
      newsroom = loadTemplateSet(root, templatesDir, 'newsroom', ['index']);
    } catch (error) {
      if (!(error instanceof TemplateError)) throw error;
      problem(error, 'fix the template; the newsroom index is not written until then');
    }
  }
  const logo = resolveLogo(root, options.organization, diagnostics);
  return { kinds, ...(newsroom ? { newsroom } : {}), ...(logo ? { logo } : {}), diagnostics };
}

/** The logo must be a file inside statements/: a profile may not make Clarion read other files. */
function resolveLogo(root: string, organization: Organization, diagnostics: Diagnostic[]): string | undefined {
  if (!organization.logo) return undefined;
  const statementsDir = realpathSync(path.join(root, STATEMENTS_DIR));
  const candidate = path.resolve(statementsDir, organization.logo);
  const problem = (message: string, hint: string) => {
    diagnostics.push({ file: ORGANIZATION_FILE, line: 1, column: 1, severity: 'warning', rule: 'logo', field: 'logo', message, hint });
    return undefined;
  };
  if (!existsSync(candidate)) return problem(`the logo "${organization.logo}" does not exist`, 'give the path of an image inside statements/, e.g. assets/logo.svg; the outputs are built without a logo');
  const real = realpathSync(candidate);
  if (path.relative(statementsDir, real).startsWith('..') || path.isAbsolute(path.relative(statementsDir, real))) {
    return problem(`the logo "${organization.logo}" is outside statements/`, 'copy the image into statements/ and point at it there');
  }
  return real;
}
