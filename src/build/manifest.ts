/**
 * The build manifest (`<out>/.clarion-manifest.json`): for each published statement, a key hashing
 * everything its outputs depend on, the files Clarion wrote for it and its listing in the newsroom
 * (the published set the site is made from). A later build skips a statement whose key is
 * unchanged and removes only files a manifest says Clarion wrote. A manifest that is unreadable
 * is ignored; one from another version of Clarion still says which files Clarion wrote and what
 * is published, but its keys (which hash Clarion's version) match nothing, so all is rebuilt.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { checkedManifest } from '../sources/parse-cache.ts';
import { listingSchema, orderedListing } from '../site/listing.ts';
import { hashParts } from '../util/hash.ts';
import { outputPath } from '../write/output-path.ts';

export const MANIFEST_FILE = '.clarion-manifest.json';

const entrySchema = z.strictObject({
  key: z.string().regex(/^[0-9a-f]{64}$/),
  slug: z.string(),
  outputs: z.array(z.string()),
  /** Source images the statement used (paths relative to the project): their content is part of the key. */
  media: z.array(z.string()),
  /**
   * What the newsroom lists of the statement, as its outputs were written. Manifests of earlier
   * builds have none: such a statement is built again (and, until it is, not listed).
   */
  listing: listingSchema.optional(),
});

const manifestSchema = z.strictObject({
  clarion: z.string(),
  statements: z.record(z.string(), entrySchema),
  /**
   * Every source file (statements/ and templates/) and option of the last build that had no
   * failure: when they are the same again, the build has nothing to print and starts no browser
   * ahead of time.
   */
  inputs: z.string().regex(/^[0-9a-f]{64}$/).optional(),
  /** The newsroom index and feeds: a key hashing what they depend on, and the files written. */
  site: z.strictObject({ key: z.string().regex(/^[0-9a-f]{64}$/), outputs: z.array(z.string()) }).optional(),
});

export type ManifestEntry = z.infer<typeof entrySchema>;
export type Manifest = z.infer<typeof manifestSchema>;

/** Per output folder, the manifest text this process last found valid (watch mode reads it at every build). */
const validText = new Map<string, string>();

/** What the parse cache records of the manifest a build wrote and checked. */
export function manifestHash(text: string): string {
  return hashParts(['manifest', text]);
}

/** The last build's manifest; read after the parse cache, which may say this text was checked. */
export async function readManifest(outDir: string): Promise<Manifest | undefined> {
  try {
    const text = await readFile(path.join(outDir, MANIFEST_FILE), 'utf8');
    // The same text as checked before (in this process, or by the build that wrote it and the
    // cache beside it): only parsed. Checking a thousand entries takes about 70 ms.
    if (validText.get(outDir) === text) return JSON.parse(text) as Manifest;
    const checked = checkedManifest(outDir) === manifestHash(text);
    const parsed = checked ? { success: true as const, data: JSON.parse(text) as Manifest } : manifestSchema.safeParse(JSON.parse(text));
    if (!parsed.success) return undefined;
    // Paths that would leave the output folder make the whole manifest suspect.
    for (const entry of Object.values(parsed.data.statements)) for (const file of entry.outputs) outputPath(outDir, file);
    for (const file of parsed.data.site?.outputs ?? []) outputPath(outDir, file);
    validText.set(outDir, text);
    return parsed.data;
  } catch {
    return undefined;
  }
}

/** Records the text a build wrote as its manifest: made from checked entries, it is not checked again in this process. */
export function manifestWritten(outDir: string, text: string): void {
  validText.set(outDir, text);
}

export function serializeManifest(manifest: Manifest): string {
  // Fields in one order, so that the same manifest is the same bytes (and is not written again).
  const statements = Object.fromEntries(
    Object.entries(manifest.statements)
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([file, e]) => [file, { key: e.key, slug: e.slug, outputs: e.outputs, media: e.media, ...(e.listing ? { listing: orderedListing(e.listing) } : {}) }]),
  );
  return JSON.stringify({ clarion: manifest.clarion, ...(manifest.inputs ? { inputs: manifest.inputs } : {}), statements, ...(manifest.site ? { site: manifest.site } : {}) }, null, 2) + '\n';
}
