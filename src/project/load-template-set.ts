/**
 * Loads and compiles the templates of one kind (a folder in templates/): page.hbs (web page),
 * text.hbs (plain-text release), print.hbs (PDF), partials/*.hbs, and the stylesheets.
 * Compilation errors name the template file and line.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import Handlebars from 'handlebars';
import { compiledBefore, rememberCompiled } from '../sources/parse-cache.ts';
import { registerHelpers, HELPER_NAMES } from '../templates/helpers.ts';
import { hashParts } from '../util/hash.ts';

export type Render = (context: object) => string;
type CompileOptions = NonNullable<Parameters<typeof Handlebars.precompile>[1]>;

export interface TemplateSet {
  name: string;
  dir: string;
  /** Compiled templates by name: page (web page), text (plain-text release), print (PDF), index (newsroom)... */
  templates: Record<string, Render>;
  /** Stylesheets by file name (style.css, print.css), as text. */
  styles: Record<string, string>;
  /** Every file the kind's outputs depend on, for content hashing. */
  files: string[];
  /** The hashes of its template sources, all of which compiled (the parse cache keeps them for the next build). */
  compiled: string[];
}

export class TemplateError extends Error {
  constructor(
    readonly file: string,
    readonly line: number,
    readonly column: number,
    readonly reason: string,
  ) {
    super(`${file}:${line}:${column} error ${reason} — fix the template (template)`);
  }
}

/** Template sets compiled in this process, with the sources they were compiled from (watch mode's rebuilds reuse them). */
const compiled = new Map<string, { sources: string; set: TemplateSet }>();

export function loadTemplateSet(root: string, templatesDir: string, name: string, requiredTemplates: readonly string[] = ['page', 'text']): TemplateSet {
  const dir = path.join(templatesDir, name);
  const id = JSON.stringify([root, dir, requiredTemplates]);
  const sources = sourcesOf(templatesDir, dir);
  const known = compiled.get(id);
  if (known?.sources === sources) return known.set;
  const set = compileTemplateSet(root, templatesDir, name, requiredTemplates);
  compiled.set(id, { sources, set });
  return set;
}

/** Every file a set is compiled from, with its content: the same text compiles to the same set. */
function sourcesOf(templatesDir: string, dir: string): string {
  const files = [path.join(templatesDir, 'partials'), path.join(dir, 'partials'), dir].flatMap((folder) => {
    try {
      return readdirSync(folder).filter((f) => f.endsWith('.hbs') || f.endsWith('.css')).sort().map((f) => path.join(folder, f));
    } catch {
      return [];
    }
  });
  return JSON.stringify(files.map((file) => [file, readable(file)]));
}

function readable(file: string): string | null {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    // Not a file one can read: compiling reports it.
    return null;
  }
}

function compileTemplateSet(root: string, templatesDir: string, name: string, requiredTemplates: readonly string[]): TemplateSet {
  const dir = path.join(templatesDir, name);
  const env = Handlebars.create();
  // Templates never write to the console: `{{log ...}}` goes nowhere. (Prototype access is refused
  // by the runtime options below, which also keeps Handlebars' "Access has been denied" warning quiet.)
  env.log = () => undefined;
  registerHelpers(env);
  const rel = (file: string) => path.relative(root, file).split(path.sep).join('/');
  const files: string[] = [];
  const compiled: string[] = [];
  const compile = (file: string, noEscape: boolean): Render => {
    const source = readFileSync(file, 'utf8');
    files.push(file);
    const options = { noEscape, strict: false, knownHelpersOnly: true, knownHelpers: Object.fromEntries(HELPER_NAMES.map((h) => [h, true])), preventIndent: true };
    try {
      compiled.push(check(env, source, options));
    } catch (error) {
      throw toTemplateError(rel(file), error);
    }
    const template = env.compile(source, options);
    return (context) => {
      try {
        return template(context, { allowProtoPropertiesByDefault: false, allowProtoMethodsByDefault: false });
      } catch (error) {
        throw toTemplateError(rel(file), error);
      }
    };
  };

  // Partials shared by every kind (templates/partials/), then the kind's own, which win.
  for (const partialsDir of [path.join(templatesDir, 'partials'), path.join(dir, 'partials')]) {
    if (!existsSync(partialsDir)) continue;
    for (const entry of readdirSync(partialsDir).sort()) {
      if (!entry.endsWith('.hbs')) continue;
      const file = path.join(partialsDir, entry);
      const source = readFileSync(file, 'utf8');
      files.push(file);
      try {
        compiled.push(check(env, source, { knownHelpersOnly: true, knownHelpers: Object.fromEntries(HELPER_NAMES.map((h) => [h, true])) }));
      } catch (error) {
        throw toTemplateError(rel(file), error);
      }
      env.registerPartial(entry.slice(0, -4), source);
    }
  }
  if (!existsSync(dir)) throw new TemplateError(rel(dir), 1, 1, `the template folder ${rel(dir)}/ is missing`);
  const templates: Record<string, Render> = {};
  for (const entry of readdirSync(dir).sort()) {
    if (!entry.endsWith('.hbs')) continue;
    const name = entry.slice(0, -4);
    // Plain text is not HTML: nothing in it is escaped.
    templates[name] = compile(path.join(dir, entry), name === 'text');
  }
  for (const required of requiredTemplates) {
    if (!templates[required]) throw new TemplateError(rel(path.join(dir, `${required}.hbs`)), 1, 1, `the template ${required}.hbs is missing`);
  }
  const styles: Record<string, string> = {};
  for (const entry of readdirSync(dir).sort()) {
    if (!entry.endsWith('.css')) continue;
    const file = path.join(dir, entry);
    styles[entry] = readFileSync(file, 'utf8');
    files.push(file);
  }
  return { name, dir, templates, styles, files: files.sort(), compiled: [...new Set(compiled)].sort() };
}

/**
 * precompile parses and compiles eagerly, so syntax errors and unknown helpers surface at load,
 * with their line. A source that compiled before with the same options (the parse cache
 * remembers it, for the same code) compiles again: it is not checked twice.
 */
function check(env: typeof Handlebars, source: string, options: CompileOptions): string {
  const hash = hashParts(['template', JSON.stringify(options), source]);
  if (compiledBefore(hash)) return hash;
  env.precompile(source, options);
  rememberCompiled(hash);
  return hash;
}

function toTemplateError(file: string, error: unknown): TemplateError {
  const e = error as { message?: string; lineNumber?: number; column?: number };
  const message = String(e.message ?? error);
  const parseLine = /Parse error on line (\d+)/.exec(message)?.[1];
  const locMatch = / - (\d+):(\d+)$/.exec(message.split('\n')[0] ?? '');
  const line = e.lineNumber ?? (parseLine ? Number(parseLine) : locMatch ? Number(locMatch[1]) : 1);
  const column = (e.column ?? (locMatch ? Number(locMatch[2]) : 0)) + 1;
  const reason = message
    .split('\n')[0]!
    .replace(/ - \d+:\d+$/, '')
    .replace(/^You specified knownHelpersOnly, but used the unknown helper (\S+)$/, 'unknown helper "$1"')
    .replace(/^Parse error on line \d+:?$/, 'the template cannot be parsed');
  return new TemplateError(file, line, column, reason);
}
