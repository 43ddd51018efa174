/**
 * The only module that writes outputs. Each file is written to a temporary file beside its
 * target and renamed over it, so a reader (or a crash) never sees half a file.
 */
import { randomBytes } from 'node:crypto';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { outputPath } from './output-path.ts';

export async function writeAtomic(outDir: string, relative: string, content: Uint8Array | string): Promise<string> {
  const target = outputPath(outDir, relative);
  await mkdir(path.dirname(target), { recursive: true });
  const temp = path.join(path.dirname(target), `.${path.basename(target)}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    await writeFile(temp, content);
    await rename(temp, target);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
  return target;
}
