/**
 * One line of YAML as a person reads it: indentation, list dashes, a key and its colon, a
 * value. Not a YAML parser: it is what the explanations of common slips (yaml-slips.ts) look at.
 */

/** White space a word processor or web page pastes where a space was meant. */
export const UNUSUAL_SPACE = /[\u00a0\u2000-\u200b\u202f\u205f\u3000\ufeff]/u;
const SPACE = /[ \t\u00a0\u2000-\u200b\u202f\u205f\u3000\ufeff]/u;

export interface YamlLine {
  text: string;
  /** Leading white space. */
  indent: string;
  /** List markers ("- ", "-\t- "...) after the indentation. */
  dashes: string;
  /** The field name, when the line has "name:" followed by white space or the line's end. */
  key?: string;
  /** Index in `text` of the key's colon. */
  colon?: number;
  /** Index in `text` where the value starts. */
  valueStart: number;
  /** The rest of the line (with any comment). */
  value: string;
}

export function readYamlLine(text: string): YamlLine {
  let i = 0;
  while (i < text.length && SPACE.test(text[i]!)) i++;
  const indent = text.slice(0, i);
  let d = i;
  while (text[d] === '-' && (d + 1 === text.length || SPACE.test(text[d + 1]!))) {
    d++;
    while (d < text.length && SPACE.test(text[d]!)) d++;
  }
  const dashes = text.slice(i, d);
  const rest = text.slice(d);
  const keyMatch = /^([^\s"'[\]{},#&*!|>%@`][^:]*?):(?=[ \t\u00a0\u2000-\u200b\u202f\u205f\u3000\ufeff]|$)/u.exec(rest);
  if (!keyMatch) return { text, indent, dashes, valueStart: d, value: rest };
  const colon = d + keyMatch[1]!.length;
  let v = colon + 1;
  while (v < text.length && SPACE.test(text[v]!)) v++;
  return { text, indent, dashes, key: keyMatch[1]!, colon, valueStart: v, value: text.slice(v) };
}

/** A value YAML reads as plain text (not quoted, not a list, map, block, tag, anchor or alias). */
export function isPlain(value: string): boolean {
  return value !== '' && !/^["'[{|>!&*#]/.test(value);
}

/** A plain value without its comment: YAML ends it at " #". */
export function withoutComment(value: string): string {
  const at = value.search(/[ \t]#/);
  return (at === -1 ? value : value.slice(0, at)).trimEnd();
}

/** `text` as a quoted YAML scalar: double quotes, else single quotes, else escaped double quotes. */
export function quoteYaml(text: string): string {
  if (!/["\\]/.test(text)) return `"${text}"`;
  if (!text.includes("'")) return `'${text}'`;
  return `"${text.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

/** The line with another value: "title: <value>" or "- <value>", without its indentation. */
export function lineWith(line: YamlLine, value: string): string {
  return line.key !== undefined ? `${line.dashes}${line.key}: ${value}` : `${line.dashes}${value}`;
}

/** The line as it should be written, with its indentation (what the repaired text holds). */
export function indented(line: YamlLine, content: string): string {
  return `${line.indent}${content}`;
}

/** "the title", or "the item" for a list item. */
export function subject(line: YamlLine): string {
  return line.key !== undefined ? `the ${line.key}` : 'the item';
}

/** The number of columns of indentation, counting what should have been spaces. */
export function indentWidth(line: YamlLine): number {
  return [...line.indent].reduce((n, c) => n + (c === '\t' ? 2 : 1), 0);
}

/** "U+00A0 NO-BREAK SPACE" in words a communications officer knows. */
export function spaceName(char: string): string {
  const code = `U+${char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
  const names: Record<string, string> = {
    '\u00a0': 'a non-breaking space',
    '\u202f': 'a narrow non-breaking space',
    '\u3000': 'an ideographic (full-width) space',
    '\u200b': 'a zero-width space',
    '\ufeff': 'a zero-width no-break space',
  };
  return `${names[char] ?? 'a special space'} (${code})`;
}
