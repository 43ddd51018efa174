/**
 * What an import could not carry over, or took a guess at: one line for the user each, saying
 * what happened and what to do, as `clarion` words every problem.
 */
export interface Finding {
  what: string;
  todo: string;
}

/** A document that cannot be imported at all: `clarion: <what> — <todo>`, exit 1. */
export class ImportError extends Error {
  constructor(
    readonly what: string,
    readonly todo: string,
  ) {
    super(`${what} — ${todo}`);
  }
}

/** A piece of the document's text, quoted in a finding: one line, at most `max` characters. */
export function quote(text: string, max = 60): string {
  const line = text.replace(/\s+/g, ' ').trim();
  return `“${line.length > max ? `${line.slice(0, max - 1).trimEnd()}…` : line}”`;
}

/** "1 comment", "2 comments". */
export function count(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}
