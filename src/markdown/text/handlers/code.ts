import type { Code } from 'mdast';
import type { State } from '../state.js';

const TAB_STOP = 4;

/** Indented four spaces, never wrapped; tabs expanded, trailing spaces and outer blank lines dropped. */
export function code(_state: State, node: Code): string {
  const lines = node.value
    .normalize('NFC')
    .split(/\r\n?|[\n\v\f\u0085\u2028\u2029]/)
    .map((line) => expandTabs(line).trimEnd());
  while (lines.length > 0 && lines[0] === '') lines.shift();
  while (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
  return lines.map((line) => (line === '' ? '' : '    ' + line)).join('\n');
}

function expandTabs(line: string): string {
  let out = '';
  for (const char of line) {
    out += char === '\t' ? ' '.repeat(TAB_STOP - (out.length % TAB_STOP)) : char;
  }
  return out;
}
