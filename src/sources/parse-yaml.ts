/**
 * YAML front matter to plain data, keeping the syntax tree so that every later problem can be
 * placed at the key or value it concerns.
 */
import { isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node } from 'yaml';
import type { Diagnostic } from '../report/diagnostic.ts';
import { findYamlSlips } from './yaml-slips.ts';

export type Path = readonly (string | number)[];

export interface ParsedYaml {
  /** The data, also when a slip was found and repaired (its diagnostic stops the file); undefined when the YAML cannot be read. */
  data: unknown;
  /** Position of the value at `path` (or of its key with `{ key: true }`), or of the nearest existing parent. */
  locate(path: Path, options?: { key?: boolean }): { line: number; column: number };
  diagnostics: Diagnostic[];
}

export interface ParseYamlOptions {
  /** Front matter: its field names (for "no colon after title" and warnings about prose values). */
  fields?: readonly string[];
  /** What the YAML is called in messages (default "the front matter"; "the file" for a settings file). */
  what?: string;
}

/** Aliases may not expand into more than this many nodes (a "billion laughs" guard). */
const MAX_ALIAS_COUNT = 100;

function parse(yaml: string) {
  const lineCounter = new LineCounter();
  const doc = parseDocument(yaml, { lineCounter, uniqueKeys: true, prettyErrors: true, strict: true });
  return { doc, lineCounter, problems: [...doc.errors, ...doc.warnings] };
}

export function parseYaml(file: string, yaml: string, firstLine: number, options: ParseYamlOptions = {}): ParsedYaml {
  const first = parse(yaml);
  const errorLines = new Set(first.problems.map((p) => first.lineCounter.linePos(p.pos[0]).line - 1));
  // Front matter read as one piece of text ("title:Forty" alone) is as wrong as a syntax error.
  if (options.fields && isScalar(first.doc.contents) && typeof first.doc.contents.value === 'string') yaml.split('\n').forEach((_, i) => errorLines.add(i));
  const slips = findYamlSlips(yaml, { errorLines, ...options });
  const lines = yaml.split('\n');
  const repairs = new Map(slips.filter((s) => s.fixed !== undefined).map((s) => [s.line, s.fixed!]));
  const { doc, lineCounter, problems } = repairs.size > 0 ? parse(lines.map((l, i) => repairs.get(i) ?? l).join('\n')) : first;
  // Positions in a repaired line are moved back to the characters as written.
  const toPosition = (offset: number) => {
    const { line, col } = lineCounter.linePos(offset);
    const fixed = repairs.get(line - 1);
    const written = lines[line - 1];
    let column = col;
    if (fixed !== undefined && written !== undefined) {
      let same = 0;
      while (same < fixed.length && fixed[same] === written[same]) same++;
      if (col > same + 1) column = Math.max(same + 1, col - (fixed.length - written.length));
    }
    return { line: line + firstLine - 1, column };
  };
  const diagnostics: Diagnostic[] = slips.map(({ line, fixed: _fixed, ...slip }) => ({ file, line: line + firstLine, ...slip }));
  const reported = new Set(slips.map((s) => s.line + firstLine));
  let unreadable = false;
  for (const problem of problems) {
    unreadable = true;
    const unclosed = unclosedBracket(lines, problem.message);
    const at = unclosed ? { line: unclosed.line + firstLine, column: unclosed.column } : toPosition(problem.pos[0]);
    if (reported.has(at.line)) continue;
    reported.add(at.line);
    const explained = unclosed
      ? { message: `the list opened with "${unclosed.bracket}" here is never closed`, hint: `close it on the same line with "${unclosed.bracket === '[' ? ']' : '}'}", e.g. weights: [400, 600]` }
      : explainYamlProblem(problem.code, problem.message, options.what ?? 'the front matter');
    diagnostics.push({ file, ...at, severity: 'error', rule: 'yaml-syntax', ...explained });
  }
  const locate: ParsedYaml['locate'] = (path, options = {}) => {
    const node = findNode(doc, path, options.key ?? false);
    return node?.range ? toPosition(node.range[0]) : { line: Math.max(1, firstLine - 1), column: 1 };
  };
  if (unreadable) return { data: undefined, locate, diagnostics };
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch {
    diagnostics.push({
      file,
      line: firstLine,
      column: 1,
      severity: 'error',
      rule: 'yaml-aliases',
      message: `${options.what ?? 'the front matter'} expands its aliases (*name) into too much data`,
      hint: 'write the values out instead of using anchors (&name) and aliases (*name)',
    });
  }
  return { data, locate, diagnostics };
}

/** A "[" or "{" that the YAML parser reached the end of without closing: the line and column where it opens. */
function unclosedBracket(lines: readonly string[], message: string): { line: number; column: number; bracket: string } | undefined {
  const bracket = /must be sufficiently indented and end with a \]|end with a \]/.test(message) ? '[' : /end with a \}/.test(message) ? '{' : undefined;
  if (!bracket) return undefined;
  const close = bracket === '[' ? ']' : '}';
  for (let i = lines.length - 1; i >= 0; i--) {
    const line = lines[i]!;
    const open = line.lastIndexOf(bracket);
    if (open >= 0 && !line.slice(open).includes(close)) return { line: i, column: open + 1, bracket };
  }
  return undefined;
}

function explainYamlProblem(code: string, message: string, what: string): { message: string; hint: string } {
  const first = (message.split('\n')[0] ?? message).replace(/ at line \d+, column \d+:?$/, '');
  switch (code) {
    case 'DUPLICATE_KEY':
      return { message: 'this field appears twice', hint: 'keep one of the two lines' };
    case 'TAB_AS_INDENT':
      return { message: 'a tab is used for indentation', hint: 'indent with spaces, not tabs' };
    case 'TAG_RESOLVE_FAILED':
      return { message: `the tag ${tagName(first)} is not allowed`, hint: `remove the "!" tag; ${what === 'the front matter' ? 'front matter holds' : 'the file holds'} only text, numbers, lists and fields` };
    case 'BAD_INDENT':
    case 'MISSING_CHAR':
    case 'MULTILINE_IMPLICIT_KEY':
    case 'UNEXPECTED_TOKEN':
    default:
      return { message: `${what} is not valid YAML: ${lowerFirst(first)}`, hint: 'check the colons, quotes and indentation on this line' };
  }
}

function tagName(message: string): string {
  const tag = /tag:yaml\.org,2002:(\S+)/.exec(message)?.[1] ?? /(!\S+)/.exec(message)?.[1];
  return tag ? `"${tag.startsWith('!') ? tag : `!!${tag}`}"` : 'here';
}

function lowerFirst(s: string): string {
  return s.charAt(0).toLowerCase() + s.slice(1);
}

function findNode(doc: Document, path: Path, wantKey: boolean): Node | undefined {
  let node: unknown = doc.contents;
  let found: Node | undefined = isNodeLike(node) ? node : undefined;
  for (let i = 0; i < path.length; i++) {
    const segment = path[i];
    const last = i === path.length - 1;
    if (isMap(node)) {
      const pair = node.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === String(segment));
      if (!pair) return found;
      if (last && wantKey && isNodeLike(pair.key)) return pair.key;
      node = pair.value;
      found = isNodeLike(node) ? node : isNodeLike(pair.key) ? pair.key : found;
    } else if (isSeq(node) && typeof segment === 'number') {
      node = node.items[segment];
      if (isNodeLike(node)) found = node;
      else return found;
    } else {
      return found;
    }
  }
  return found;
}

function isNodeLike(value: unknown): value is Node {
  return typeof value === 'object' && value !== null && 'range' in value;
}
