/** The organisation profile (`statements/organization.yaml`): parse, validate, apply defaults. */
import { sortDiagnostics, type Diagnostic } from '../report/diagnostic.ts';
import { decodeSource } from './decode-source.ts';
import { explainIssues } from './explain-issues.ts';
import { langFieldProblem } from './explain-language-tag.ts';
import { standardLanguageTag } from './language-tag.ts';
import { parseYaml } from './parse-yaml.ts';
import { fieldNamesAt } from './schema-fields.ts';
import { organizationDefaults, organizationFieldNames, organizationSchema, type Organization } from './schema.ts';

export interface ParsedOrganization {
  organization?: Organization;
  diagnostics: Diagnostic[];
}

export function parseOrganization(file: string, bytes: Uint8Array): ParsedOrganization {
  const decoded = decodeSource(file, bytes);
  if (!decoded.ok) return { diagnostics: [decoded.diagnostic] };
  const yaml = parseYaml(file, decoded.text, 1, { fields: organizationFieldNames, what: 'the organisation profile' });
  if (yaml.data === undefined) return { diagnostics: yaml.diagnostics };
  if (yaml.data === null || typeof yaml.data !== 'object' || Array.isArray(yaml.data)) {
    return {
      diagnostics: [...yaml.diagnostics, { file, line: 1, column: 1, severity: 'error', rule: 'not-a-map', message: 'the organisation profile must be a list of "field: value" lines', hint: 'start with a line such as name: Example Press Office' }],
    };
  }
  const result = organizationSchema.safeParse(yaml.data);
  if (!result.success) {
    const fieldsAt = (path: readonly (string | number)[]) => fieldNamesAt(organizationSchema, path);
    return { diagnostics: sortDiagnostics([...yaml.diagnostics, ...explainIssues(result.error.issues, { file, yaml, data: yaml.data, fieldsAt })]) };
  }
  const lang = result.data.lang;
  const langProblem = lang === undefined ? undefined : langFieldProblem(lang);
  // Each language of `languages:` is a language tag, in its standard form.
  const languageProblems = Object.keys(result.data.languages ?? {}).flatMap((tag) => {
    const problem = langFieldProblem(tag);
    return problem ? [{ file, ...yaml.locate(['languages', tag], { key: true }), field: `languages.${tag}`, ...problem }] : [];
  });
  const diagnostics: Diagnostic[] = sortDiagnostics([...yaml.diagnostics, ...(langProblem ? [{ file, ...yaml.locate(['lang']), field: 'lang', ...langProblem }] : []), ...languageProblems]);
  if (diagnostics.some((d) => d.severity === 'error')) return { diagnostics };
  const languages = result.data.languages && Object.fromEntries(Object.entries(result.data.languages).map(([tag, texts]) => [standardLanguageTag(tag), texts]));
  const positions = Object.fromEntries(['name', 'about', 'address', 'contacts', 'languages'].map((field) => [field, yaml.locate([field], { key: true })]));
  return { organization: { ...organizationDefaults, contacts: [], ...result.data, ...(lang ? { lang: standardLanguageTag(lang) } : {}), ...(languages ? { languages } : {}), positions }, diagnostics };
}

export function missingOrganization(file: string): Diagnostic {
  return {
    file,
    line: 1,
    column: 1,
    severity: 'error',
    rule: 'missing-organization',
    message: 'the organisation profile is missing',
    hint: `create ${file} with at least a line "name: <your organisation>"`,
  };
}
