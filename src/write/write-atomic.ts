/**
 * The only module that writes outputs. Each file is written to a temporary file beside its
 * target and renamed over it, so a reader (or a crash) never sees half a file. A failure is a
 * `WriteError` that says, in words, what went wrong and what to do.
 */
import { randomBytes } from 'node:crypto';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { outputPath } from './output-path.ts';

export class WriteError extends Error {
  constructor(
    readonly file: string,
    readonly reason: string,
    readonly hint: string,
  ) {
    super(`${file}: ${reason} — ${hint}`);
  }
}

const REASONS: Record<string, [string, string]> = {
  ENOSPC: ['the disk is full', 'free some space and build again; the previous outputs are intact'],
  EDQUOT: ['the disk quota is used up', 'free some space and build again; the previous outputs are intact'],
  EACCES: ['there is no permission to write here', 'make the output folder writable, or build into another with --out'],
  EPERM: ['there is no permission to write here', 'make the output folder writable, or build into another with --out'],
  EROFS: ['the output folder is on a read-only disk', 'build into another folder with --out'],
  ENOTDIR: ['a file stands where a folder should be', 'move that file out of the output folder'],
  EISDIR: ['a folder stands where a file should be', 'move that folder out of the output folder'],
  EEXIST: ['a file stands where a folder should be', 'move that file out of the output folder'],
};

export async function writeAtomic(outDir: string, relative: string, content: Uint8Array | string): Promise<string> {
  const target = outputPath(outDir, relative);
  const temp = path.join(path.dirname(target), `.${path.basename(target)}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    // Most folders exist already: the folder is made only when the write says it is missing.
    await writeFile(temp, content).catch(async (error: NodeJS.ErrnoException) => {
      if (error.code !== 'ENOENT') throw error;
      await mkdir(path.dirname(target), { recursive: true });
      await writeFile(temp, content);
    });
    await rename(temp, target);
  } catch (error) {
    await rm(temp, { force: true }).catch(() => {});
    throw toWriteError(target, error);
  }
  return target;
}

/** Writes a file unless it already has these bytes; returns the number of files written. */
export async function writeIfChanged(outDir: string, relative: string, content: string): Promise<number> {
  const existing = await readFile(outputPath(outDir, relative), 'utf8').catch(() => undefined);
  if (existing === content) return 0;
  await writeAtomic(outDir, relative, content);
  return 1;
}

/** A file system error, as a WriteError that says what happened and what to do. */
export function toWriteError(file: string, error: unknown): WriteError {
  const code = (error as NodeJS.ErrnoException).code ?? '';
  const [reason, hint] = REASONS[code] ?? [`it could not be written (${code || String(error)})`, 'check the output folder and build again'];
  return new WriteError(path.relative(process.cwd(), file) || file, reason, hint);
}
