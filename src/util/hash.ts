/** Hashes of what outputs depend on: parts, files and folders, for keys that say when something changed. */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

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

/**
 * Hash of files' contents, each named by its path relative to `root` (so a project hashes alike
 * wherever it is); a missing file hashes as missing, so its return is a change too.
 */
export function hashFiles(files: readonly string[], root: string, read: (file: string) => Uint8Array = readFileSync): string {
  return hashParts(
    [...files].sort().flatMap((file) => {
      const name = path.relative(root, file).split(path.sep).join('/');
      try {
        return [name, read(file)];
      } catch {
        return [name, '(missing)'];
      }
    }),
  );
}

/**
 * Hash of every regular file under the folders but the `skip` ones (paths relative to `root`, and
 * contents; symbolic links are not followed).
 */
export function hashTree(root: string, dirs: readonly string[], extra: readonly string[] = [], skip: readonly string[] = []): string {
  return hashParts([...extra, hashFiles(treeFiles(dirs, skip), root)]);
}

/** Every regular file under the folders but the `skip` ones (symbolic links are not followed). */
export function treeFiles(dirs: readonly string[], skip: readonly string[] = []): string[] {
  const files: string[] = [];
  const walk = (dir: string) => {
    let entries;
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries) {
      const full = path.join(dir, entry.name);
      if (skip.includes(full)) continue;
      if (entry.isDirectory()) walk(full);
      else if (entry.isFile()) files.push(full);
    }
  };
  for (const dir of dirs) walk(dir);
  return files;
}
