/**
 * The YAML slips people make when they write front matter by hand or paste it from a word
 * processor, each found on its line with what to type instead: a colon or " #" inside an
 * unquoted value, curly quotes, a tab or a non-breaking space where a space was meant, no space
 * after a colon or a list dash, a list item or a field indented wrongly, a field without its
 * colon. Each slip that can be repaired carries the line as it should read, so that the rest of
 * the file can still be checked. A tab after a colon is valid YAML, read as a space: no slip.
 */
import { indented, indentWidth, isPlain, lineWith, quoteYaml, readYamlLine, spaceName, subject, UNUSUAL_SPACE, withoutComment, type YamlLine } from './yaml-line.ts';

export interface YamlSlip {
  /** 0-based index of the line in the YAML text. */
  line: number;
  column: number;
  severity: 'error' | 'warning';
  rule: string;
  message: string;
  hint: string;
  /** The whole line as it should read, when the slip can be repaired. */
  fixed?: string;
}

export interface SlipContext {
  /** 0-based indexes of the lines the YAML parser reported a problem on. */
  errorLines: ReadonlySet<number>;
  /** Front matter: values are prose, and these are its field names. */
  fields?: readonly string[];
}

type Rule = (line: YamlLine, at: number, prev: { line: YamlLine; at: number } | undefined, context: SlipContext) => Omit<YamlSlip, 'line'> | undefined;

export function findYamlSlips(yaml: string, context: SlipContext): YamlSlip[] {
  const slips: YamlSlip[] = [];
  let prev: { line: YamlLine; at: number } | undefined;
  let block: number | undefined;
  const lines = yaml.split('\n');
  for (let at = 0; at < lines.length; at++) {
    const text = lines[at]!;
    if (/^\s*(#.*)?$/u.test(text)) continue;
    const line = readYamlLine(text);
    if (block !== undefined && indentWidth(line) > block) {
      // Inside a block of text (| or >) only its indentation is YAML.
      const slip = tabIndent(line, at, prev, context);
      if (slip) slips.push({ line: at, ...slip });
      continue;
    }
    block = /^[|>][1-9+-]*\s*(#.*)?$/.test(line.value) ? indentWidth(line) : undefined;
    for (const rule of RULES) {
      const slip = rule(line, at, prev, context);
      if (slip) {
        slips.push({ line: at, ...slip });
        break;
      }
    }
    prev = { line, at };
  }
  return slips;
}

const hasError = (context: SlipContext, ...lines: number[]) => lines.some((l) => context.errorLines.has(l));
const anyError = (context: SlipContext) => context.errorLines.size > 0;

const unusualSpace: Rule = (line, _at, prev) => {
  const end = line.key !== undefined ? line.valueStart : line.indent.length + line.dashes.length;
  const found = line.text.slice(0, end).search(UNUSUAL_SPACE);
  if (found === -1) return undefined;
  const name = spaceName(line.text[found]!);
  const fix = (s: string) => s.replace(new RegExp(UNUSUAL_SPACE.source, 'gu'), ' ');
  const key = line.key?.replace(new RegExp(UNUSUAL_SPACE.source, 'gu'), '').trim();
  const content = `${fix(line.dashes)}${key !== undefined ? `${key}: ` : ''}${line.value}`;
  const base = { column: found + 1, severity: 'error' as const, rule: 'unusual-space' };
  if (found < line.indent.length) {
    // A top-level field after a top-level value: the pasted space is junk, not indentation.
    const junk = !prev || (prev.line.indent === '' && prev.line.dashes === '' && prev.line.value !== '' && line.dashes === '');
    if (junk) return { ...base, message: `${name} starts the line`, hint: `delete it, so that the line reads: ${content}`, fixed: content };
    const width = [...line.indent].length;
    return { ...base, message: `${name} is used for indentation`, hint: `indent with ${width} ordinary space${width === 1 ? '' : 's'}: ${content}`, fixed: `${' '.repeat(width)}${content}` };
  }
  const fixed = `${fix(line.indent)}${content}`;
  if (found < line.indent.length + line.dashes.length) return { ...base, message: `${name} follows the "-" of this list item`, hint: `type an ordinary space after the "-": ${content}`, fixed };
  if (line.colon !== undefined && found < line.colon) return { ...base, message: `${name} is inside the field name "${key}"`, hint: `delete it: ${content}`, fixed };
  return { ...base, message: `${name} follows the colon`, hint: `type an ordinary space after the colon: ${content}`, fixed };
};

const tabIndent: Rule = (line) => {
  const tab = line.indent.indexOf('\t');
  if (tab === -1) return undefined;
  const width = indentWidth(line);
  const content = line.text.slice(line.indent.length);
  return { column: tab + 1, severity: 'error', rule: 'tab-indent', message: 'a tab is used for indentation', hint: `indent with spaces, not tabs: ${width} spaces, then ${content}`, fixed: `${' '.repeat(width)}${content}` };
};

const missingSpace: Rule = (line, _at, _prev, context) => {
  if (line.key !== undefined || !anyError(context)) return undefined;
  const match = /^([A-Za-z_][A-Za-z0-9_-]*):(?=[^\s:/])(.*)$/u.exec(line.value);
  if (!match) return undefined;
  const content = `${line.dashes}${match[1]}: ${match[2]}`;
  return { column: line.valueStart + match[1]!.length + 1, severity: 'error', rule: 'no-space-after-colon', message: `there is no space after the colon of "${match[1]}"`, hint: `type a space after the colon: ${content}`, fixed: indented(line, content) };
};

const CURLY_OPEN = '“‘„”';
const CURLY_CLOSE = '”’“';

const curlyQuotes: Rule = (line, at, _prev, context) => {
  const value = line.value.trimEnd();
  if (value.length < 3 || !CURLY_OPEN.includes(value[0]!) || !CURLY_CLOSE.includes(value[value.length - 1]!)) return undefined;
  const marks = `${value[0]} ${value[value.length - 1]}`;
  const straight = lineWith(line, quoteYaml(value.slice(1, -1)));
  const base = { column: line.valueStart + 1, rule: 'curly-quotes' };
  if (hasError(context, at)) {
    return { ...base, severity: 'error', message: `${subject(line)} is in curly quotes (${marks}), which YAML does not read as quotes`, hint: `type straight quotes: ${straight}`, fixed: indented(line, straight) };
  }
  if (!context.fields) return undefined;
  return { ...base, severity: 'warning', message: `${subject(line)} is in curly quotes (${marks}), which stay part of it`, hint: `to quote it, type straight quotes: ${straight}; to keep the curly quotes, write: ${lineWith(line, quoteYaml(value))}` };
};

const hashInValue: Rule = (line) => {
  if (!isPlain(line.value)) return undefined;
  const found = line.value.search(/[ \t]#[^\s#]/);
  if (found === -1) return undefined;
  const value = line.value.trimEnd();
  const quoted = lineWith(line, quoteYaml(value));
  return {
    column: line.valueStart + found + 2, severity: 'error', rule: 'hash-in-value',
    message: `YAML reads "${value.slice(found + 1)}" as a comment, so ${subject(line)} ends at "${value.slice(0, found).trimEnd()}"`,
    hint: `put ${subject(line)} in quotes: ${quoted}`, fixed: indented(line, quoted),
  };
};

const colonInValue: Rule = (line, at, _prev, context) => {
  if (!isPlain(line.value) || !hasError(context, at)) return undefined;
  const value = withoutComment(line.value);
  const found = value.search(/:(?:[ \t]|$)/);
  if (found === -1) return undefined;
  const quoted = lineWith(line, quoteYaml(value)) + line.value.slice(value.length);
  const what = found === value.length - 1 ? 'ends with a colon' : 'contains a colon followed by a space';
  return { column: line.valueStart + found + 1, severity: 'error', rule: 'colon-in-value', message: `${subject(line)} ${what}, which YAML reads as the start of a field`, hint: `put ${subject(line)} in quotes: ${quoted}`, fixed: indented(line, quoted) };
};

const reservedStart: Rule = (line, at, _prev, context) => {
  const value = withoutComment(line.value);
  const reserved = /^(?:[@`%*[{]|![^!\s]\S*\s+\S|[-?](?:\s|$)|[|>]\s*[^\s#1-9+-])/.test(value);
  if (!reserved || !hasError(context, at)) return undefined;
  const quoted = lineWith(line, quoteYaml(value));
  return { column: line.valueStart + 1, severity: 'error', rule: 'reserved-start', message: `${subject(line)} starts with "${value[0]}", which YAML reserves for its own syntax`, hint: `put ${subject(line)} in quotes: ${quoted}`, fixed: indented(line, quoted) };
};

const badQuotes: Rule = (line, at, _prev, context) => {
  const value = line.value.trimEnd();
  const q = value[0];
  if ((q !== '"' && q !== "'") || !anyError(context)) return undefined;
  const base = { column: line.valueStart + 1, severity: 'error' as const, rule: 'quotes' };
  const closing = q === '"' ? /(?<!\\)"/g : /'(?!')/g;
  const inner = [...value.slice(1).matchAll(closing)].map((m) => m.index + 1);
  if (inner.length === 0) {
    const closed = lineWith(line, `${value}${q}`);
    return { ...base, message: `${subject(line)} opens a quote (${q}) that is never closed`, hint: `close it at the end of the line: ${closed}`, fixed: indented(line, closed) };
  }
  if (!hasError(context, at) || value[value.length - 1] !== q || inner.length < 2) return undefined;
  const quoted = lineWith(line, quoteYaml(value.slice(1, -1).replace(/''/g, "'")));
  const what = q === '"' ? 'the quotation marks inside' : 'the apostrophe in';
  return { ...base, column: line.valueStart + inner[0]! + 1, message: `${what} ${subject(line)} end${q === '"' ? '' : 's'} the quoted text early`, hint: `put ${subject(line)} in quotes like this: ${quoted}`, fixed: indented(line, quoted) };
};

const listDash: Rule = (line, _at, prev) => {
  const match = /^-([^\s\d-].*)$/u.exec(line.text.slice(line.indent.length));
  if (!match || !prev || line.dashes) return undefined;
  const opensList = prev.line.key !== undefined && prev.line.value === '' && indentWidth(prev.line) <= indentWidth(line);
  const sibling = prev.line.dashes !== '' && indentWidth(prev.line) === indentWidth(line);
  if (!opensList && !sibling) return undefined;
  const content = `- ${match[1]}`;
  return { column: line.indent.length + 1, severity: 'error', rule: 'no-space-after-dash', message: 'there is no space after the "-" of this list item', hint: `type a space after the "-": ${content}`, fixed: indented(line, content) };
};

const listIndent: Rule = (line, at, prev, context) => {
  if (!line.dashes || !prev?.line.dashes || prev.line.key !== undefined || !isPlain(prev.line.value) || prev.line.value.trimEnd().endsWith(':')) return undefined;
  const [mine, theirs] = [indentWidth(line), indentWidth(prev.line)];
  if (mine === theirs || (mine < theirs && !hasError(context, at))) return undefined;
  const content = line.text.slice(line.indent.length);
  const where = theirs === 0 ? 'at the start of the line' : `with ${theirs} spaces`;
  const message = mine > theirs ? 'this list item is indented more than the one above, so YAML reads it as part of that item' : 'this list item is indented less than the one above';
  return { column: 1, severity: 'error', rule: 'list-indent', message, hint: `start its "-" in the same column as the item above (${where}): ${content}`, fixed: `${' '.repeat(theirs)}${content}` };
};

const indentedField: Rule = (line, at, prev, context) => {
  if (!line.indent || line.dashes || line.key === undefined || !prev || prev.line.key === undefined || prev.line.dashes) return undefined;
  if (prev.line.value === '' || /^[|>]/.test(prev.line.value) || indentWidth(prev.line) >= indentWidth(line) || !hasError(context, at, prev.at)) return undefined;
  const width = indentWidth(prev.line);
  const content = line.text.slice(line.indent.length);
  const what = width === 0 ? 'remove the spaces before it' : `indent it with ${width} spaces, like "${prev.line.key}"`;
  return { column: 1, severity: 'error', rule: 'field-indent', message: `"${line.key}" is indented, so YAML reads it as part of the ${prev.line.key} above`, hint: `${what}: ${content}`, fixed: `${' '.repeat(width)}${content}` };
};

const missingColon: Rule = (line, at, _prev, context) => {
  if (line.key !== undefined || line.dashes || !context.fields || !hasError(context, at)) return undefined;
  const match = /^([A-Za-z_]+)(：\s*|\s+)(.*)$/u.exec(line.value);
  if (!match || !(match[2]!.startsWith('：') || context.fields.includes(match[1]!))) return undefined;
  const content = `${match[1]}: ${match[3]}`;
  const column = line.valueStart + match[1]!.length + 1;
  if (match[2]!.startsWith('：')) return { column, severity: 'error', rule: 'missing-colon', message: `the colon after "${match[1]}" is a full-width colon (：)`, hint: `type an ordinary colon and a space: ${content}`, fixed: indented(line, content) };
  return { column, severity: 'error', rule: 'missing-colon', message: `there is no colon after "${match[1]}"`, hint: `type a colon after it: ${content}`, fixed: indented(line, content) };
};

const RULES: Rule[] = [unusualSpace, tabIndent, missingSpace, curlyQuotes, hashInValue, colonInValue, reservedStart, badQuotes, listDash, listIndent, indentedField, missingColon];
