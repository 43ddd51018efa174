/**
 * The build manifest (`<out>/.clarion-manifest.json`): for each statement, a key hashing
 * everything its outputs depend on, and the files Clarion wrote for it. A later build skips a
 * statement whose key is unchanged and removes only files a manifest says Clarion wrote. A
 * manifest that is unreadable or from another version of Clarion is ignored, never trusted.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { outputPath } from './output-path.ts';

export const MANIFEST_FILE = '.clarion-manifest.json';

const entrySchema = z.strictObject({
  key: z.string().regex(/^[0-9a-f]{64}$/),
  slug: z.string(),
  outputs: z.array(z.string()),
  /** Source images the statement used (absolute paths): their content is part of the key. */
  media: z.array(z.string()),
});

const manifestSchema = z.strictObject({
  clarion: z.string(),
  statements: z.record(z.string(), entrySchema),
});

export type ManifestEntry = z.infer<typeof entrySchema>;
export type Manifest = z.infer<typeof manifestSchema>;

export async function readManifest(outDir: string, version: string): Promise<Manifest | undefined> {
  try {
    const parsed = manifestSchema.safeParse(JSON.parse(await readFile(path.join(outDir, MANIFEST_FILE), 'utf8')));
    if (!parsed.success || parsed.data.clarion !== version) return undefined;
    // Paths that would leave the output folder make the whole manifest suspect.
    for (const entry of Object.values(parsed.data.statements)) for (const file of entry.outputs) outputPath(outDir, file);
    return parsed.data;
  } catch {
    return undefined;
  }
}

export function serializeManifest(manifest: Manifest): string {
  const statements = Object.fromEntries(Object.entries(manifest.statements).sort(([a], [b]) => a.localeCompare(b)));
  return JSON.stringify({ clarion: manifest.clarion, statements }, null, 2) + '\n';
}

/** SHA-256 of the parts, each length-prefixed so that no two lists of parts hash alike. */
export function hashParts(parts: readonly (string | Uint8Array)[]): string {
  const hash = createHash('sha256');
  for (const part of parts) {
    const bytes = typeof part === 'string' ? Buffer.from(part) : part;
    hash.update(`${bytes.length}:`);
    hash.update(bytes);
  }
  return hash.digest('hex');
}

/** Hash of files' contents (a missing file hashes as missing, so its return is a change too). */
export function hashFiles(files: readonly string[]): string {
  return hashParts(
    [...files].sort().flatMap((file) => {
      try {
        return [file, readFileSync(file)];
      } catch {
        return [file, '(missing)'];
      }
    }),
  );
}
