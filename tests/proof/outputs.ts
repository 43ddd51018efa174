/**
 * What the proof stage checks: every output that the builds of the suite left in their projects
 * (every file an output folder's manifest lists), found under $TMPDIR/clarion-test-projects/.
 * Outputs with the same bytes are checked once. Each statement's outputs come with what the
 * manifest says of the statement (title, language, direction, kind), so that each can be read
 * back against it and against its sibling outputs (the PDF against the web page...).
 */
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { projectsRoot } from '../support/projects-root.ts';

const MANIFEST = '.clarion-manifest.json';

export interface Listing {
  slug: string;
  folder: string;
  title: string;
  lang: string;
  dir: 'ltr' | 'rtl';
  kind: string;
}

/** One statement's outputs in one output folder. */
export interface StatementOutputs {
  /** The output folder (absolute). */
  out: string;
  source: string;
  listing?: Listing;
  /** Absolute paths of the files that exist. */
  files: string[];
  /** The file of a name in the statement's folder (`index.html`, `.pdf` for `<slug>.pdf`...). */
  file(name: string): string | undefined;
}

export interface Outputs {
  /** Output folders found (one per build into a folder). */
  folders: number;
  /** Projects with at least one output folder. */
  projects: number;
  statements: StatementOutputs[];
  /** One file per distinct content, by extension (`.html`, `.pdf`...). */
  distinct: Map<string, string[]>;
  /** The output folder and the statement of a file. */
  owner: Map<string, { out: string; statement?: StatementOutputs; site: boolean }>;
}

interface Manifest {
  statements: Record<string, { slug?: string; outputs: string[]; listing?: Listing }>;
  site?: { outputs: string[] };
}

async function manifests(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter((e) => e.isFile() && e.name === MANIFEST).map((e) => path.join(e.parentPath, e.name));
}

let found: Promise<Outputs> | undefined;

/** Every output of the test builds (read once per proof file). */
export function testOutputs(): Promise<Outputs> {
  return (found ??= discover());
}

async function discover(): Promise<Outputs> {
  const statements: StatementOutputs[] = [];
  const owner: Outputs['owner'] = new Map();
  const distinct = new Map<string, string[]>();
  const seen = new Set<string>();
  const projectDirs = new Set<string>();
  let folders = 0;
  // The tiers' folders only: what this run's files and browser tiers built (each cleared before its run).
  const tiers = ['files', 'browser'].map((tier) => path.join(projectsRoot, tier)).filter((dir) => existsSync(dir));
  const all = (await Promise.all(tiers.map((dir) => manifests(dir)))).flat();
  for (const manifestFile of all.sort()) {
    const out = path.dirname(manifestFile);
    const manifest = JSON.parse(await readFile(manifestFile, 'utf8')) as Manifest;
    folders++;
    projectDirs.add(path.relative(projectsRoot, out).split(path.sep).slice(0, 2).join('/'));
    const exists = (files: string[]) => files.map((f) => path.join(out, f)).filter((f) => existsSync(f));
    for (const [source, entry] of Object.entries(manifest.statements)) {
      const files = exists(entry.outputs);
      const folder = entry.listing?.folder ?? entry.slug;
      const s: StatementOutputs = {
        out,
        source,
        ...(entry.listing ? { listing: entry.listing } : {}),
        files,
        file(name) {
          const wanted = name.startsWith('.') ? `${entry.slug ?? ''}${name}` : name;
          return files.find((f) => folder !== undefined && f === path.join(out, folder, wanted));
        },
      };
      statements.push(s);
      for (const f of files) owner.set(f, { out, statement: s, site: false });
    }
    for (const f of exists(manifest.site?.outputs ?? [])) owner.set(f, { out, site: true });
  }
  for (const file of owner.keys()) {
    const ext = path.extname(file).toLowerCase();
    const hash = createHash('sha256').update(ext).update(await readFile(file)).digest('hex');
    if (seen.has(hash)) continue;
    seen.add(hash);
    distinct.set(ext, [...(distinct.get(ext) ?? []), file]);
  }
  return { folders, projects: projectDirs.size, statements, distinct, owner };
}

/** A file's path as failures show it. */
export const shown = (file: string) => path.relative(projectsRoot, file);
