/**
 * The proof stage, web pages: every web page the test builds left (statement pages, email HTML,
 * newsroom indexes) passes the W3C Nu HTML Checker, all of them in one run of the checker, and
 * every file a page refers to (stylesheets, fonts, images, other pages) is there. Pages the tests
 * saved for it (the preview's proof pages, which no build writes) are checked in the same run. Accessibility
 * is checked with axe-core on a representative set (tests/a11y/), not here.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { nuCheck } from '../support/nu-check.ts';
import { PAGES_FOR_PROOF, projectsRoot } from '../support/projects-root.ts';
import { shown, testOutputs } from './outputs.ts';

/**
 * What the checker gets wrong about the preview's proof pages: CSS it does not know yet (container
 * queries, clamp() in the font shorthand), valid in every browser Clarion supports. Each must
 * still be seen (a checker that learns them fails here until they are taken off).
 */
const NU_CSS_NOT_YET_KNOWN = [/^CSS: “container-type”: Property “container-type” doesn't exist\.$/, /^CSS: “font”: Parse Error\.$/];

let pages: string[] = [];
/** Pages the tests saved for the proof stage (tests/support/pages-for-proof.ts). */
let saved: string[] = [];
beforeAll(async () => {
  pages = (await testOutputs()).distinct.get('.html') ?? [];
  const folders = existsSync(projectsRoot) ? readdirSync(projectsRoot).map((tier) => path.join(projectsRoot, tier, PAGES_FOR_PROOF)).filter((f) => existsSync(f)) : [];
  saved = folders.flatMap((folder) => readdirSync(folder).map((name) => path.join(folder, name)));
}, 300_000);

/** Relative references of a page: href and src attributes, and url() in its styles. */
function references(html: string): string[] {
  const attributes = [...html.matchAll(/\s(?:href|src)="([^"]*)"/g)].map((m) => m[1]!);
  const urls = [...html.matchAll(/url\(\s*['"]?([^'")]+)['"]?\s*\)/g)].map((m) => m[1]!);
  return [...attributes, ...urls].filter((ref) => ref !== '' && !/^([a-z][a-z0-9+.-]*:|#|\/\/)/i.test(ref)).map((ref) => ref.replace(/&amp;/g, '&'));
}

describe('every web page of the test builds', () => {
  it('was found', () => {
    expect(pages.length, 'run the suite first: the proof stage checks what its builds left').toBeGreaterThan(100);
    console.info(`proof: ${pages.length} distinct web pages`);
  });

  it('has no error from the W3C Nu HTML Checker, nor has any page the tests saved for it (the preview\'s proof pages)', async () => {
    expect(saved.length, 'the accessibility tests save the proof pages').toBeGreaterThanOrEqual(5);
    const errors = await nuCheck([...pages, ...saved]);
    const known = (e: { file: string; message: string }) => saved.includes(e.file) && NU_CSS_NOT_YET_KNOWN.some((k) => k.test(e.message));
    expect(errors.filter((e) => !known(e)).map((e) => `${shown(e.file)}:${e.line ?? 0} ${e.message}`)).toEqual([]);
    expect(NU_CSS_NOT_YET_KNOWN.filter((k) => !errors.some((e) => k.test(e.message))).map(String), 'the checker knows this CSS now: take it off NU_CSS_NOT_YET_KNOWN').toEqual([]);
  });

  it('refers only to files that are there', () => {
    const problems: string[] = [];
    for (const file of pages) {
      for (const ref of new Set(references(readFileSync(file, 'utf8')))) {
        const target = path.resolve(path.dirname(file), decodeURIComponent(ref.replace(/[?#].*$/, '')));
        const found = existsSync(target) && (!target.endsWith('/') || existsSync(path.join(target, 'index.html')));
        if (!found) problems.push(`${shown(file)}: ${ref}`);
      }
    }
    expect(problems).toEqual([]);
  });
});
