/** Separates the YAML front matter from the Markdown body. Pure: text in, parts out. */
export interface SplitSource {
  /** The YAML between the fences. */
  yaml: string;
  /** Line number (1-based) in the file of the YAML's first line. */
  yamlLine: number;
  /** The Markdown after the closing fence. */
  body: string;
  /** Line number in the file of the body's first line. */
  bodyLine: number;
}

export type SplitProblem = 'no-front-matter' | 'unclosed-front-matter';

export function splitFrontMatter(text: string): SplitSource | SplitProblem {
  const lines = text.split('\n');
  if (lines[0]?.trimEnd() !== '---') return 'no-front-matter';
  for (let i = 1; i < lines.length; i++) {
    const line = lines[i]!.trimEnd();
    if (line === '---' || line === '...') {
      return {
        yaml: lines.slice(1, i).join('\n'),
        yamlLine: 2,
        body: lines.slice(i + 1).join('\n'),
        bodyLine: i + 2,
      };
    }
  }
  return 'unclosed-front-matter';
}
