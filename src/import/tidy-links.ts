/**
 * Links as a statement may hold them: web, email and telephone addresses keep their link; a link
 * to a place inside the document (a table of contents, a cross-reference) or to a file on a
 * computer keeps its text only, and is reported. Bookmarks (anchors without a target) go. Pure:
 * changes the hast tree, returns the findings.
 */
import type { Element, ElementContent, Root } from 'hast';
import { SKIP, visit } from 'unist-util-visit';
import { SAFE_SCHEMES, urlScheme } from '../markdown/url-rules.ts';
import { NOTE_ID_PREFIX } from './docx-to-html.ts';
import { count, quote, type Finding } from './finding.ts';
import { hastText } from './hast-text.ts';

const NOTE_LINK = new RegExp(`^#${NOTE_ID_PREFIX}(foot|end)note-`);

export function tidyLinks(tree: Root): Finding[] {
  const findings: Finding[] = [];
  let internal = 0;
  visit(tree, 'element', (node: Element, index, parent) => {
    if (node.tagName !== 'a' || !parent || index === undefined) return undefined;
    const href = typeof node.properties.href === 'string' ? node.properties.href.trim() : undefined;
    if (href !== undefined && NOTE_LINK.test(href)) return SKIP;
    if (href !== undefined && href.startsWith('#')) internal += 1;
    else if (href !== undefined && !SAFE_SCHEMES.has(urlScheme(href) ?? '')) {
      findings.push({
        what: `the link on ${quote(hastText(node), 40)} goes to ${quote(href, 60)}, not a web address, and became plain text`,
        todo: 'if the document it points to is online, link to its web address: [text](https://...)',
      });
    } else if (href !== undefined) return undefined;
    parent.children.splice(index, 1, ...(node.children as ElementContent[]));
    return [SKIP, index];
  });
  if (internal) {
    findings.push({
      what: `${count(internal, 'link')} to places inside the document (a table of contents or cross-references) became plain text`,
      todo: 'the statement needs none; add a link by hand where one matters',
    });
  }
  return findings;
}
