/**
 * Reproducible builds: two clean builds of the same sources, in two copies of the project and
 * into two differently named output folders, give byte-identical trees, every format included
 * (PDFs, share cards, thumbnails, email drafts and Word files) and the manifest, which names
 * files relative to the project and so is the same wherever the project is.
 */
import { realpathSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { clarion, makeProject } from '../support/project.ts';
import { samplesBuild } from '../support/shared-build.ts';
import { hashTree, hostileProject } from './support.ts';

const MANIFEST = '.clarion-manifest.json';

// Chromium tags table header cells with /ID (node00000422), the renderer's DOM node ids; they are
// renumbered after printing (stamp-metadata.ts), so even the 2,000-column table's PDF is the same.

interface Built {
  project: string;
  out: string;
  code: number;
  stderr: string;
  /** `sha256  path` of every file, the manifest included. */
  tree: string[];
  manifest: string;
}

async function buildInto(project: string, out: string, done?: { code: number; stderr: string }): Promise<Built> {
  const result = done ?? (await clarion(project, 'build', '--out', out));
  const tree = await hashTree(path.join(project, out));
  return { project, out, code: result.code, stderr: result.stderr, tree, manifest: await readFile(path.join(project, out, MANIFEST), 'utf8') };
}

/** Paths whose content differs between two trees (or that only one has). */
function differing(a: string[], b: string[]): string[] {
  const hashes = (tree: string[]) => new Map(tree.map((line) => [line.slice(66), line.slice(0, 64)]));
  const [ha, hb] = [hashes(a), hashes(b)];
  return [...new Set([...ha.keys(), ...hb.keys()])].filter((file) => ha.get(file) !== hb.get(file)).sort();
}

describe('two clean builds of the sample statements', () => {
  let one: Built;
  let two: Built;
  beforeAll(async () => {
    // The first is the run's shared build of the samples (a clean build of a project of its own).
    const shared = await samplesBuild();
    one = await buildInto(shared.dir, 'dist', shared);
    two = await buildInto(await makeProject({}, { samples: true }), 'public/site');
  }, 240_000);

  it('succeed, with every format', () => {
    expect(one.stderr).toBe('');
    expect([one.code, two.code]).toEqual([0, 0]);
    for (const ext of ['.html', '.txt', '.pdf', '.eml', '.docx', '.png']) expect(one.tree.some((line) => line.endsWith(ext)), ext).toBe(true);
  });

  it('give byte-identical trees', () => {
    expect(differing(one.tree, two.tree)).toEqual([]);
    expect(two.tree.length).toBe(one.tree.length);
  });

  it('give a manifest that names neither the project folder nor the output folder', () => {
    expect(one.tree.some((line) => line.endsWith(`  ${MANIFEST}`))).toBe(true);
    expect(one.manifest).not.toContain(realpathSync(one.project));
    expect(one.manifest).not.toContain(two.out);
  });
});

describe('two clean builds of the hostile corpus', () => {
  let one: Built;
  let two: Built;
  beforeAll(async () => {
    one = await buildInto(await hostileProject(), 'dist');
    two = await buildInto(await hostileProject(), 'out/two');
  }, 240_000);

  it('report the same problems and print every statement that builds', () => {
    expect([one.code, two.code]).toEqual([1, 1]);
    expect(two.stderr).toBe(one.stderr);
    expect(one.tree.filter((line) => line.endsWith('.pdf'))).toHaveLength(13);
  });

  it('give byte-identical trees, the 2,000-column table included', () => {
    expect(differing(one.tree, two.tree)).toEqual([]);
    expect(one.tree.some((line) => line.endsWith('  wide-table/wide-table.pdf'))).toBe(true);
    expect(one.tree.length).toBe(two.tree.length);
  });

  it('give a manifest that names images relative to the project', () => {
    expect(one.manifest).toContain('"statements/images/dot.png"');
    expect(one.manifest).not.toContain(realpathSync(one.project));
  });

  // Relative and empty links are made absolute (or left as text) before printing.
  it('write no PDF that names the folder it was built in', async () => {
    for (const line of one.tree.filter((l) => l.endsWith('.pdf'))) {
      const pdf = await readFile(path.join(one.project, one.out, line.slice(66)), 'latin1');
      expect(pdf, line.slice(66)).not.toContain('file://');
      expect(pdf, line.slice(66)).not.toContain(realpathSync(one.project));
    }
  });
});
