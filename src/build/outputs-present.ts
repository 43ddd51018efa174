/**
 * Whether a statement's outputs are all in the output folder. For a whole build the folder is
 * listed once (a stat per output was a tenth of a rebuild with nothing to do), and in the
 * background, from the start of the build: the listing waits on the disk while the sources are
 * read and hashed.
 */
import { existsSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import path from 'node:path';

/** Starts listing the files under `outDir` (relative, with `/`); a folder that cannot be read lists nothing. */
export function listOutputs(outDir: string): Promise<ReadonlySet<string>> {
  return listFiles(outDir, '').then((files) => new Set(files));
}

/** Whether every file of a list is in the listing. */
export function presentIn(listed: ReadonlySet<string>): (outputs: readonly string[]) => boolean {
  return (outputs) => outputs.every((f) => listed.has(f));
}

/** For a build of a few statements: each of their outputs looked up (listing a thousand folders would take longer). */
export function presentOnDisk(outDir: string): (outputs: readonly string[]) => boolean {
  return (outputs) => outputs.every((f) => existsSync(path.join(outDir, f)));
}

async function listFiles(dir: string, prefix: string): Promise<string[]> {
  let entries;
  try {
    entries = await readdir(path.join(dir, prefix), { withFileTypes: true });
  } catch {
    return [];
  }
  const listed = await Promise.all(entries.map((e) => (e.isDirectory() ? listFiles(dir, `${prefix}${e.name}/`) : e.isFile() ? [`${prefix}${e.name}`] : [])));
  return listed.flat();
}
