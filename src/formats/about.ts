/**
 * The organisation's `about`, the same for every statement of a build: parsed once per text and
 * language, and made into HTML once per set of options, instead of once per statement. Its
 * problems are still reported with each statement, as before. Nothing changes the cached tree:
 * the HTML and the text serializer only read it.
 */
import type { Root } from 'mdast';
import { parseMarkdown } from '../markdown/parse-markdown.ts';
import { toHtml, type HtmlOptions } from '../markdown/to-html.ts';
import type { Diagnostic } from '../report/diagnostic.ts';

/** A few entries: one per organisation and language a process builds. */
const LIMIT = 16;
const trees = new Map<string, { tree: Root; diagnostics: Diagnostic[] }>();
const htmls = new WeakMap<Root, Map<string, string>>();

export function parsedAbout(about: string, file: string, lang: string, allowHtml: boolean, diagnostics: Diagnostic[]): Root {
  const key = JSON.stringify([about, file, lang, allowHtml]);
  let parsed = trees.get(key);
  if (!parsed) {
    parsed = parseMarkdown(about, { file, firstLine: 1, lang, allowHtml });
    if (trees.size >= LIMIT) trees.delete(trees.keys().next().value!);
    trees.set(key, parsed);
  }
  diagnostics.push(...parsed.diagnostics.map((d) => ({ ...d })));
  return parsed.tree;
}

export function aboutHtml(tree: Root, options: HtmlOptions): string {
  const key = JSON.stringify([options.allowHtml, options.footnotesLabel, options.idPrefix, options.taskLabels, options.headingBase]);
  let byOptions = htmls.get(tree);
  if (!byOptions) htmls.set(tree, (byOptions = new Map()));
  let html = byOptions.get(key);
  if (html === undefined) byOptions.set(key, (html = toHtml(tree, options)));
  return html;
}
