/**
 * What a page being printed may load: `data:` URLs, and `file:` URLs naming a regular file whose
 * real path (symlinks and `..` resolved) lies inside one of the allowed folders. Everything else
 * (the network above all) is refused, so a PDF depends only on the files the build wrote.
 */
import { realpathSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** Why `url` must not load, or undefined when it may. `allowedRoots` must be real paths. */
export function blockReason(url: string, allowedRoots: readonly string[]): string | undefined {
  if (url.startsWith('data:')) return undefined;
  if (!url.startsWith('file:')) return 'only local files may load when printing';
  let real: string;
  let isFile: boolean;
  try {
    // Throws for file://host/… and for encoded slashes, neither of which names a local file.
    real = realpathSync(fileURLToPath(url));
    isFile = statSync(real).isFile();
  } catch {
    return 'no such file';
  }
  if (!allowedRoots.some((root) => isInside(real, root))) return 'outside the folders allowed when printing';
  // A directory would load as a listing, and a FIFO or device could block the print forever.
  if (!isFile) return 'not a regular file';
  return undefined;
}

/** Real paths of the folders that exist; a missing folder allows nothing. */
export function realRoots(roots: readonly string[]): string[] {
  return roots.flatMap((root) => {
    try {
      return [realpathSync(root)];
    } catch {
      return [];
    }
  });
}

function isInside(file: string, root: string): boolean {
  const relative = path.relative(root, file);
  return relative !== '' && !relative.startsWith(`..${path.sep}`) && relative !== '..' && !path.isAbsolute(relative);
}
