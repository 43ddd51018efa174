/**
 * Images stored beside a statement: each relative `![alt](path)` is handed to a resolver (which
 * checks the file and publishes it as an asset) and its URL replaced by the published one.
 * Remote images are left as they are (the PDF printer blocks them, with a warning).
 */
import type { Image, Root } from 'mdast';
import { visit } from 'unist-util-visit';
import type { Diagnostic } from '../report/diagnostic.ts';
import { isRelativeUrl } from './url-rules.ts';

export type ImageResolution = { href: string } | { problem: string; hint: string };
export type ImageResolver = (url: string) => ImageResolution;

export function resolveImages(tree: Root, resolver: ImageResolver, file: string, firstLine: number): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  visit(tree, 'image', (node: Image) => {
    if (node.url === '' || !isRelativeUrl(node.url)) return;
    const resolved = resolver(node.url);
    if ('href' in resolved) {
      node.url = resolved.href;
      return;
    }
    diagnostics.push({
      file,
      line: (node.position?.start.line ?? 1) + firstLine - 1,
      column: node.position?.start.column ?? 1,
      severity: 'error',
      rule: 'image',
      message: resolved.problem,
      hint: resolved.hint,
    });
    node.url = '';
  });
  return diagnostics;
}
