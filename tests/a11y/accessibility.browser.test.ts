/**
 * Accessibility of the web pages Clarion makes, checked with axe-core in Chromium on the
 * representative set (representative.ts): every kind, left to right and right to left, the
 * newsroom index, the statement page, the email and the preview's proof page, each at a desktop
 * and a phone width. The two projects of the set are built in every format and served by the
 * preview, as an author sees them.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BuildResult } from '../../src/build/index.ts';
import { startPreview, type Preview } from '../../src/preview/preview-server.ts';
import { axeCheck } from '../support/axe.ts';
import { sharedChromium, type SharedChromium } from '../support/chromium.ts';
import { saveForProof } from '../support/pages-for-proof.ts';
import { makeProject } from '../support/project.ts';
import { KNOWN, projectFiles, REPRESENTATIVE, WIDTHS, type ProjectName } from './representative.ts';

/** The moment the set is built at: the embargo of 2099 is in force, every other statement released. */
const NOW = new Date('2024-03-01T00:00:00Z');

describe('the representative set', () => {
  const projects = {} as Record<ProjectName, { dir: string; preview: Preview; build: BuildResult }>;
  let chromium: SharedChromium;

  beforeAll(async () => {
    chromium = await sharedChromium();
    for (const name of ['ltr', 'rtl'] as const) {
      const dir = await makeProject(projectFiles(name));
      let build: BuildResult | undefined;
      const preview = await startPreview(dir, { paths: [], out: 'dist', strict: false, now: NOW, port: 0, onBuild: (result) => (build = result) });
      projects[name] = { dir, preview, build: build! };
    }
  }, 180_000);

  afterAll(async () => {
    await chromium?.release();
    for (const p of Object.values(projects)) await p.preview.close();
  });

  it('is built without errors, every statement in every format', () => {
    for (const [name, { build }] of Object.entries(projects)) {
      expect(build.diagnostics.filter((d) => d.severity === 'error'), name).toEqual([]);
      expect(build.failed, name).toEqual([]);
      const outputs = build.built.flatMap((b) => b.outputs);
      for (const ext of ['index.html', 'email.html', '.pdf', '.txt', '.eml', 'card.png', 'thumbnail.png']) expect(outputs.some((f) => f.endsWith(ext)), `${name}: ${ext}`).toBe(true);
    }
    expect(projects.ltr.build.built.map((b) => b.file).sort()).toContain('statements/submission-ar.md');
  });

  it.each(REPRESENTATIVE)(`$label: no axe-core violation at ${WIDTHS.join(' and ')} px`, async (entry) => {
    const url = `${projects[entry.project].preview.url}${entry.path}`;
    const violations = await axeCheck(chromium.context, url, WIDTHS);
    // The page is the one the set says: its direction, or its organisation's language for an index.
    const html = await (await fetch(url)).text();
    const root = /<html\b[^>]*>/.exec(html)?.[0] ?? '';
    const wrongDir = (entry.page === 'statement' || entry.page === 'email' || entry.page === 'index') && !root.includes(`dir="${entry.dir}"`);
    if (entry.page === 'index') expect(root, entry.label).toContain(`lang="${entry.dir === 'rtl' ? 'ar' : 'en'}"`);
    if (entry.page === 'proof') expect(html, entry.label).toContain(`<iframe title="Web page" src="${entry.path.replace('/__clarion/proof', '').replace(/\/$/, '')}/index.html"`);
    const known = KNOWN.filter((k) => k.page === entry.page && (k.dir ?? entry.dir) === entry.dir);
    const isKnown = (problem: string) => known.some((k) => k.problem === problem);
    const found = new Set([...violations.map((v) => v.id), ...(wrongDir ? ['dir'] : [])]);
    expect([...violations.filter((v) => !isKnown(v.id)).map((v) => `${v.page} ${v.id} (${v.impact}): ${v.help} (${v.targets.join(', ')})`), ...(wrongDir && !isKnown('dir') ? [`${root}: not dir="${entry.dir}"`] : [])]).toEqual([]);
    expect(known.filter((k) => !found.has(k.problem)).map((k) => `${k.problem} is fixed (${k.where}): remove it from KNOWN in representative.ts`)).toEqual([]);
  });

  it('saves the proof pages for the proof stage, which checks them with the W3C Nu HTML Checker', async () => {
    // Made in memory by the preview, they are no build's output: saved, they are checked in the
    // proof stage's one run of the checker (tests/proof/pages.test.ts).
    const saved: string[] = [];
    for (const entry of REPRESENTATIVE.filter((p) => p.page === 'proof' || p.page === 'proof-index')) {
      const html = await (await fetch(`${projects[entry.project].preview.url}${entry.path}`)).text();
      expect(html, entry.label).toMatch(/^<!DOCTYPE html>\n<html lang="en">/);
      saved.push(await saveForProof(`proof ${entry.project} ${entry.path}`, html));
    }
    expect(new Set(saved).size).toBeGreaterThanOrEqual(5);
  });
});
