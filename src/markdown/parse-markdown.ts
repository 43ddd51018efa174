/**
 * Markdown to a checked syntax tree (mdast), shared by every output: GFM, footnotes checked,
 * quotation marks and spacing for the language, and the safety rules applied once so that no
 * output can miss them — link targets other than http(s), mailto, tel and relative ones are
 * removed (their text stays), and raw HTML is reported (it is dropped unless the organisation
 * allows it).
 */
import type { Html, Image, Link, Root, RootContent, Definition } from 'mdast';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { SKIP, visit } from 'unist-util-visit';
import type { Diagnostic } from '../report/diagnostic.ts';
import { checkFootnotes } from './check-footnotes.ts';
import { applyTypography } from './typography.ts';
import { isAllowedLinkTarget } from './url-rules.ts';

export interface ParseOptions {
  file: string;
  /** File line of the Markdown's first line, so positions point into the source file. */
  firstLine: number;
  lang: string;
  allowHtml: boolean;
}

export interface ParsedMarkdown {
  tree: Root;
  diagnostics: Diagnostic[];
}

const parser = unified().use(remarkParse).use(remarkGfm).freeze();

export function parseMarkdown(markdown: string, options: ParseOptions): ParsedMarkdown {
  const tree = parser.runSync(parser.parse(markdown)) as Root;
  const diagnostics: Diagnostic[] = [];
  for (const problem of checkFootnotes(tree, markdown)) {
    diagnostics.push({ file: options.file, line: problem.line + options.firstLine - 1, column: problem.column, severity: problem.severity, rule: problem.rule, message: problem.message, hint: problem.hint });
  }
  applyTypography(tree, options.lang);

  const warn = (node: { position?: { start: { line: number; column: number } } }, rule: string, message: string, hint: string) => {
    diagnostics.push({
      file: options.file,
      line: (node.position?.start.line ?? 1) + options.firstLine - 1,
      column: node.position?.start.column ?? 1,
      severity: 'warning',
      rule,
      message,
      hint,
    });
  };

  visit(tree, (node, index, parent) => {
    if (node.type === 'html') {
      const html = node as Html;
      if (!options.allowHtml && html.value.trim() !== '' && !/^<!--[\s\S]*-->$/.test(html.value.trim())) {
        warn(html, 'raw-html', `raw HTML ${JSON.stringify(truncate(html.value.trim()))} is left out of the outputs`, 'write it in Markdown instead (or set allow_html: true in organization.yaml if you trust every author)');
      }
      return;
    }
    if (node.type === 'link' || node.type === 'image' || node.type === 'definition') {
      const target = node as Link | Image | Definition;
      if (node.type === 'image' && /^https?:/i.test(target.url)) {
        warn(target, 'remote-image', `the image "${truncate(target.url)}" is left out of the PDF, which is printed without network access`, 'save the image beside the statement and write ![description](its-file-name.jpg)');
      }
      if (isAllowedLinkTarget(target.url)) return;
      const shown = truncate(target.url);
      warn(target, 'unsafe-link', `the link target "${shown}" is removed`, 'links may only go to http://, https://, mailto: or tel: addresses');
      if (node.type === 'link' && parent && index !== undefined) {
        parent.children.splice(index, 1, ...((node as Link).children as RootContent[] as typeof parent.children));
        return [SKIP, index];
      }
      if (node.type === 'image' && parent && index !== undefined) {
        parent.children.splice(index, 1, { type: 'text', value: (node as Image).alt ?? '' } as never);
        return [SKIP, index];
      }
      target.url = '';
    }
    return undefined;
  });
  return { tree, diagnostics };
}

function truncate(text: string): string {
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}
