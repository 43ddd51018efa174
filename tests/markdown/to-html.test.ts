/** What the HTML of a statement's text adds for assistive technology. */
import { describe, expect, it } from 'vitest';
import { parseMarkdown } from '../../src/markdown/parse-markdown.ts';
import { toHtml } from '../../src/markdown/to-html.ts';

const html = (markdown: string, options: { headingBase?: number } = {}) =>
  toHtml(parseMarkdown(markdown, { file: 'statements/x.md', firstLine: 1, lang: 'en', allowHtml: false }).tree, { allowHtml: false, footnotesLabel: 'Notes', taskLabels: { done: 'fait', open: 'à faire' }, ...options });

describe('statement HTML', () => {
  it('never skips a heading level under the headline, nor in a section under an h2', () => {
    expect(html('### Deep\n\ntext\n\n##### Deeper\n\n# Top').match(/<h\d/g)).toEqual(['<h2', '<h3', '<h2']);
    expect(html('# A\n\n## B', { headingBase: 2 }).match(/<h\d/g)).toEqual(['<h3', '<h3']);
  });

  it('labels task-list checkboxes in the statement language', () => {
    expect(html('- [x] one\n- [ ] two')).toMatch(/<input type="checkbox" checked disabled aria-label="fait">[\s\S]*<input type="checkbox" disabled aria-label="à faire">/);
  });

  it('makes tables reachable with the keyboard', () => {
    expect(html('| a |\n|---|\n| 1 |')).toContain('<table tabindex="0">');
  });

  it('names each link back to a footnote after the mark it shows', () => {
    const out = html('One[^n] and again[^n].\n\n[^n]: The note.');
    expect(out).toContain('aria-label="Back to reference 1"');
    expect(out).toContain('aria-label="Back to reference 1-2"');
  });
});
