/**
 * The proof stage, web pages: every web page the test builds left (statement pages, email HTML,
 * newsroom indexes) passes the W3C Nu HTML Checker, all of them in one run of the checker, and
 * every file a page refers to (stylesheets, fonts, images, other pages) is there. Accessibility
 * is checked with axe-core on a representative set (tests/a11y/), not here.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { nuCheck } from '../support/nu-check.ts';
import { shown, testOutputs } from './outputs.ts';

let pages: string[] = [];
beforeAll(async () => {
  pages = (await testOutputs()).distinct.get('.html') ?? [];
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

  it('has no error from the W3C Nu HTML Checker', async () => {
    const errors = await nuCheck(pages);
    expect(errors.map((e) => `${shown(e.file)}:${e.line ?? 0} ${e.message}`)).toEqual([]);
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
