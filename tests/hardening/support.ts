/** The hostile corpus (tests/fixtures/hostile/) as a project, and helpers shared by tests/hardening/. */
import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { listFiles, makeProject } from '../support/project.ts';

export const HOSTILE = path.resolve(import.meta.dirname, '../fixtures/hostile');

/** Every file of a folder, by path relative to it. */
export async function readTree(dir: string): Promise<Record<string, Uint8Array>> {
  const files: Record<string, Uint8Array> = {};
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const full = path.join(entry.parentPath, entry.name);
    files[path.relative(dir, full).split(path.sep).join('/')] = await readFile(full);
  }
  return files;
}

/** A project with the repository's templates and the hostile corpus's statements/, plus `extra` files. */
export async function hostileProject(extra: Record<string, string | Uint8Array> = {}): Promise<string> {
  return makeProject({ ...(await readTree(HOSTILE)), ...extra });
}

/** The build's summary line without what varies from run to run or with the templates (time, file count). */
export function normalizeSummary(line: string): string {
  return line.replace(/\(\d+ files?\) in \d+\.\d+ s/, '(N files) in X s');
}

/** `sha256  path` of every file under `dir`, sorted by path, the way `sha256sum` prints them. */
export async function hashTree(dir: string, transform: (file: string, bytes: Buffer) => Buffer = (_f, b) => b): Promise<string[]> {
  const out: string[] = [];
  for (const file of await listFiles(dir)) {
    const bytes = transform(file, await readFile(path.join(dir, file)));
    out.push(`${createHash('sha256').update(bytes).digest('hex')}  ${file.split(path.sep).join('/')}`);
  }
  return out;
}

/** A 1×1 PNG. */
export const DOT_PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');

/** Rejects when `promise` takes longer than `ms`. */
export async function within<T>(ms: number, promise: Promise<T>, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([promise, new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`${what} took longer than ${ms} ms`)), ms)))]);
  } finally {
    clearTimeout(timer);
  }
}
