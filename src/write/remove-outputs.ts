/**
 * Removes outputs Clarion no longer publishes: only the given files (which a manifest says
 * Clarion wrote), then each folder they lived in that this leaves empty, up to (never including)
 * the output folder. A folder that holds anything else stays.
 */
import { rm, rmdir } from 'node:fs/promises';
import path from 'node:path';
import { outputPath } from './output-path.ts';

export async function removeOutputs(outDir: string, files: readonly string[]): Promise<void> {
  const folders = new Set<string>();
  for (const file of files) {
    const target = outputPath(outDir, file);
    await rm(target, { force: true });
    for (let dir = path.dirname(target); dir !== outDir && dir.startsWith(outDir + path.sep); dir = path.dirname(dir)) folders.add(dir);
  }
  // Deepest first, so that a folder emptied of its sub-folders goes too.
  for (const dir of [...folders].sort((a, b) => b.length - a.length)) {
    await rmdir(dir).catch(() => {});
  }
}
