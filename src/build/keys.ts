/**
 * What a build's outputs depend on, as hashes: a statement's key (its source, the organisation
 * profile, its kind's templates and the shared ones, its images, the formats and options), and the
 * inputs of the whole build (every file under statements/ and templates/ but the newsroom's).
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { ORGANIZATION_FILE, STATEMENTS_DIR, TEMPLATES_DIR, translationOf } from '../sources/load-statements.ts';
import type { Statement } from '../sources/statement.ts';
import type { TemplateSet } from '../project/load-template-set.ts';
import { VERSION } from '../version.ts';
import { hashFiles, hashParts, treeFiles } from '../util/hash.ts';
import type { ReadOnce } from '../util/read-once.ts';

export interface KeyOptions {
  formats: readonly string[];
  strict: boolean;
}

/** Every source of the build's PDFs: the same inputs as the last clean build mean nothing new to print. */
export async function buildInputs(root: string, options: KeyOptions, reads: ReadOnce): Promise<string> {
  const templates = path.join(root, TEMPLATES_DIR);
  const files = treeFiles([path.join(root, STATEMENTS_DIR), templates], [path.join(templates, 'newsroom')]);
  // Read side by side, while the parse cache and the manifest are read.
  await reads.prefetch(files);
  return hashParts([VERSION, JSON.stringify(options), hashFiles(files, root, reads.readSync)]);
}

/** Template files every kind reads: the fonts list and the locales. */
export function sharedTemplateFiles(templatesDir: string): string[] {
  let locales: string[] = [];
  try {
    locales = readdirSync(path.join(templatesDir, 'locales')).map((f) => path.join(templatesDir, 'locales', f));
  } catch {
    // No locales folder: English is the fallback.
  }
  return [path.join(templatesDir, 'fonts.yaml'), ...locales];
}

function markdownIn(dir: string): string[] {
  try {
    return readdirSync(dir).filter((f) => /\.(md|markdown)$/i.test(f)).map((f) => path.join(dir, f));
  } catch {
    return [];
  }
}

/** The key of a statement's outputs, given the images it shows (its source as the build read it). */
export function statementKeys(root: string, kinds: ReadonlyMap<string, TemplateSet>, options: KeyOptions, reads: ReadOnce): (statement: Statement, media: readonly string[]) => string {
  const organization = readFileSync(path.join(root, ORGANIZATION_FILE));
  const shared = sharedTemplateFiles(path.join(root, TEMPLATES_DIR));
  const kindHashes = new Map([...kinds].map(([name, kind]) => [name, hashFiles([...kind.files, ...shared], root)]));
  const settings = JSON.stringify(options);
  // Statements show the same few images (the logo, shared photos): each set is read once.
  const mediaHashes = new Map<string, string>();
  const mediaHash = (media: readonly string[]) => {
    const id = JSON.stringify(media);
    let hash = mediaHashes.get(id);
    if (hash === undefined) mediaHashes.set(id, (hash = hashFiles(media.map((m) => path.resolve(root, m)), root)));
    return hash;
  };
  // A translation depends on every version in its folder: it takes fields from the default
  // language's and links to the others.
  const folderHashes = new Map<string, string>();
  const source = (file: string): Uint8Array | string => {
    const folder = translationOf(file)?.folder;
    if (folder === undefined) return reads.readSync(path.join(root, file));
    let hash = folderHashes.get(folder);
    if (hash === undefined) folderHashes.set(folder, (hash = hashFiles(markdownIn(path.join(root, folder)), root, reads.readSync)));
    return hash;
  };
  return (statement, media) => hashParts([VERSION, settings, source(statement.file), organization, kindHashes.get(statement.kind) ?? '', mediaHash(media)]);
}
