/**
 * The representative set covers every page template: each kind (a folder of templates/ with a
 * page.hbs) in both directions, its statement page, its proof page and, when it has an email.hbs,
 * its email; the newsroom index in both directions. A template the set does not know fails here,
 * so that a new kind or a new page cannot go unchecked by axe-core: add a statement of it to
 * representative.ts (or, for a template that makes no web page, the proof check that reads it).
 */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../support/project.ts';
import { REPRESENTATIVE, STATEMENTS, type PageKind } from './representative.ts';

const TEMPLATES = path.join(repoRoot, 'templates');
/** Templates whose output is not a web page, and the proof check (tests/proof/) that reads it. */
const NOT_WEB_PAGES: Record<string, string> = {
  'print.hbs': 'the PDF: pdf.js, tagged structure, outline, fonts, language',
  'text.hbs': 'the text release: UTF-8, NFC, 72 columns',
  'card.hbs': 'the share card: a PNG of 1200 × 630',
};
/** Templates of a kind that make a web page, and the page of the set that shows it. */
const WEB_PAGES: Record<string, PageKind> = { 'page.hbs': 'statement', 'email.hbs': 'email' };

const hbs = (folder: string) => readdirSync(path.join(TEMPLATES, folder)).filter((f) => f.endsWith('.hbs'));
const folders = readdirSync(TEMPLATES, { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name);
const kinds = folders.filter((f) => hbs(f).includes('page.hbs'));
const covered = (page: PageKind, dir: 'ltr' | 'rtl', kind?: string) => REPRESENTATIVE.some((p) => p.page === page && p.dir === dir && p.kind === kind);

describe('the representative set of axe-core', () => {
  it('knows every folder of templates/', () => {
    expect(kinds.length).toBeGreaterThanOrEqual(2);
    // Besides the kinds: shared partials, locales, and the newsroom.
    expect(folders.filter((f) => !kinds.includes(f)).sort()).toEqual(['locales', 'newsroom', 'partials']);
  });

  it.each(kinds)('holds a statement page and a proof page of the kind %s in both directions, and its email if it has one', (kind) => {
    for (const file of hbs(kind)) {
      const page = WEB_PAGES[file];
      expect(page ?? NOT_WEB_PAGES[file], `templates/${kind}/${file} is in no page of tests/a11y/representative.ts, and no proof check is named for it`).toBeDefined();
      for (const dir of ['ltr', 'rtl'] as const) {
        if (page) expect(covered(page, dir, kind), `the ${page} page of ${kind}, ${dir}`).toBe(true);
        if (file === 'page.hbs') expect(covered('proof', dir, kind), `the proof page of ${kind}, ${dir}`).toBe(true);
      }
    }
  });

  it('holds the newsroom index in both directions, and nothing the newsroom does not make', () => {
    expect(hbs('newsroom')).toEqual(['index.hbs']);
    expect(covered('index', 'ltr')).toBe(true);
    expect(covered('index', 'rtl')).toBe(true);
    expect(covered('proof-index', 'ltr')).toBe(true);
  });

  it('builds each page from a statement of the kind and direction it claims', () => {
    for (const s of STATEMENTS) {
      const kind = /^kind: "([^"]+)"$/m.exec(s.source)?.[1] ?? 'press-release';
      expect(kind, s.file).toBe(s.kind);
      expect(/^lang: "([^"]+)"$/m.exec(s.source)?.[1] ?? (s.project === 'ltr' ? 'en' : 'ar'), s.file).toBe(s.lang);
      expect(s.dir, s.file).toBe(['ar', 'ur', 'fa', 'he'].includes(s.lang) ? 'rtl' : 'ltr');
    }
    expect(new Set(REPRESENTATIVE.map((p) => `${p.project} ${p.path}`)).size).toBe(REPRESENTATIVE.length);
  });
});
