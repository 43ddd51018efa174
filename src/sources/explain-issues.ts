/**
 * Turns schema issues into diagnostics a communications officer can act on: what happened,
 * where, and what to do. One diagnostic per field (the first issue found there).
 */
import type { z } from 'zod';
import type { Diagnostic } from '../report/diagnostic.ts';
import { suggest } from '../util/suggest.ts';
import type { ParsedYaml, Path } from './parse-yaml.ts';
import { slugify } from './slug.ts';
import { quoteYaml } from './yaml-line.ts';

export interface ExplainContext {
  file: string;
  yaml: ParsedYaml;
  data: unknown;
  /** The field names allowed in the object at `path` (for "did you mean"). */
  fieldsAt(path: Path): readonly string[];
}

export function formatPath(path: Path): string {
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? p : `.${p}`)).join('');
}

export function explainIssues(issues: readonly z.core.$ZodIssue[], context: ExplainContext): Diagnostic[] {
  const seen = new Set<string>();
  const out: Diagnostic[] = [];
  const explained = issues.flatMap((issue) => explainIssue(issue, context));
  // A misspelt field ("titel") also leaves the real one missing; the spelling hint says it all.
  const suggested = new Set(explained.filter((d) => d.rule === 'unknown-field').map((d) => d.suggestion));
  for (const { suggestion, ...d } of explained) {
    if (d.rule === 'missing-field' && suggested.has(d.field)) continue;
    {
      const key = `${d.field}|${d.rule === 'unknown-field' ? d.message : ''}`;
      if (seen.has(key)) continue;
      seen.add(key);
      out.push(d);
    }
  }
  return out;
}

type Explained = Diagnostic & { suggestion?: string };

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

function explainIssue(issue: z.core.$ZodIssue, context: ExplainContext): Explained[] {
  const { file, yaml } = context;
  const path = issue.path as (string | number)[];
  const field = formatPath(path);
  const value = valueAt(context.data, path);
  const at = (p: Path, key = false) => yaml.locate(p, { key });
  const make = (rule: string, message: string, hint: string | undefined, p: Path = path, key = false): Diagnostic => ({
    file,
    ...at(p, key),
    severity: 'error',
    rule,
    field: formatPath(p) || undefined,
    message,
    ...(hint ? { hint } : {}),
  });

  switch (issue.code) {
    case 'unrecognized_keys': {
      const allowed = context.fieldsAt(path);
      return issue.keys.map((key) => {
        const guess = suggest(key, allowed);
        const hint = guess ? `did you mean "${guess}"?` : `remove it or check the spelling; the fields here are ${allowed.join(', ')}`;
        const d: Explained = make('unknown-field', `unknown field "${key}"`, hint, [...path, key], true);
        if (guess) d.suggestion = formatPath([...path, guess]);
        return d;
      });
    }
    case 'invalid_type': {
      if (value === undefined) {
        const name = String(path[path.length - 1]);
        const where = path.length > 1 ? ` in ${formatPath(path.slice(0, -1))}` : '';
        return [make('missing-field', `the required field "${name}" is missing${where}`, `add a line "${name}: …"`)];
      }
      if (value === null) return [make('empty-field', `${field} is empty`, 'write a value or remove the line')];
      const item = issue.expected === 'string' && typeof path[path.length - 1] === 'number' ? itemWithColon(value) : undefined;
      if (item !== undefined) return [make('colon-in-value', `${field} contains a colon followed by a space, which YAML reads as a field`, `put the item in quotes: - ${quoteYaml(item)}`)];
      const expected = describeExpected(issue.expected);
      const hint = issue.expected === 'string' && (typeof value === 'number' || typeof value === 'boolean')
        ? `put the value in quotes: "${String(value)}"`
        : issue.expected === 'array'
          ? `write the items as a list, e.g. ${field}: [first, second]`
          : `write ${expected} here`;
      return [make('wrong-type', `${field} must be ${expected}, not ${describeValue(value)}`, hint)];
    }
    case 'too_big': {
      if (issue.origin === 'string' && typeof value === 'string') {
        const length = [...value].length;
        return [make('too-long', `${field} is ${length} characters long; the limit is ${issue.maximum}`, `shorten it by ${plural(length - Number(issue.maximum), 'character')}`)];
      }
      return [make('too-big', `${field} is too large; the limit is ${issue.maximum}`, `use at most ${issue.maximum}`)];
    }
    case 'too_small': {
      if (issue.origin === 'string' && issue.minimum === 1) return [make('empty-field', `${field} is empty`, 'write a value or remove the line')];
      if (issue.origin === 'array') return [make('too-few', `${field} needs at least ${issue.minimum} entries`, 'add entries or remove the field')];
      return [make('too-small', `${field} is too small; the minimum is ${issue.minimum}`, `use at least ${issue.minimum}`)];
    }
    case 'invalid_value': {
      const allowed = issue.values.map(String);
      const guess = typeof value === 'string' ? suggest(value, allowed) : undefined;
      const hint = `use one of: ${allowed.join(', ')}${guess ? ` (did you mean "${guess}"?)` : ''}`;
      return [make('not-allowed', `"${String(value)}" is not a valid ${field}`, hint)];
    }
    case 'invalid_format':
      return [explainFormat(make, field, path, value, issue.format)];
    case 'custom': {
      const params = issue.params as { rule?: string; message?: string; hint?: string } | undefined;
      return [make(params?.rule ?? 'invalid-value', params?.message ?? issue.message, params?.hint)];
    }
    default:
      return [make('invalid-value', `${field}: ${issue.message}`, undefined)];
  }
}

function explainFormat(make: (rule: string, message: string, hint: string | undefined) => Diagnostic, field: string, path: Path, value: unknown, format: string): Diagnostic {
  const last = String(path[path.length - 1]);
  const shown = JSON.stringify(value);
  if (last === 'slug') return make('invalid-slug', `slug ${shown} may only contain lower-case letters, digits and single hyphens`, `e.g. "${slugify(String(value)) || 'forty-mosques'}"`);
  if (last === 'email' || last === 'press_email') return make('invalid-email', `${shown} is not an email address`, 'write it as name@example.org');
  if (last === 'phone') return make('invalid-phone', `${shown} is not a phone number`, 'write digits with an optional leading +, e.g. +44 20 7946 0000');
  if (last === 'website') return make('invalid-url', `${shown} is not a web address`, 'write the full address, starting with https://');
  if (last === 'kind') return make('invalid-kind', `kind ${shown} is not a template folder name`, 'use lower-case letters, digits and hyphens, e.g. press-release');
  if (last === 'date') return make('invalid-date', `${shown} is not a date`, 'write the date as YYYY-MM-DD, e.g. 2023-11-27');
  return make('invalid-format', `${field} ${shown} is not in the expected form (${format})`, undefined);
}

/** "- Note: this is" read as the field {Note: "this is"}: the text that was meant. */
function itemWithColon(value: unknown): string | undefined {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return undefined;
  const entries = Object.entries(value);
  if (entries.length !== 1) return undefined;
  const [key, inner] = entries[0]!;
  return inner === null ? `${key}:` : typeof inner === 'string' || typeof inner === 'number' ? `${key}: ${inner}` : undefined;
}

function valueAt(data: unknown, path: Path): unknown {
  let v: unknown = data;
  for (const p of path) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<string | number, unknown>)[p];
  }
  return v;
}

function describeExpected(expected: string): string {
  switch (expected) {
    case 'string': return 'text';
    case 'array': return 'a list';
    case 'object': return 'a set of fields (name: value)';
    case 'boolean': return 'true or false';
    case 'number':
    case 'int': return 'a whole number';
    default: return expected;
  }
}

function describeValue(value: unknown): string {
  if (value === null) return 'empty';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a set of fields';
  if (typeof value === 'string') return 'text';
  if (typeof value === 'boolean') return `${value}`;
  return `a ${typeof value}`;
}
