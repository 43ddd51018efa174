/** Output paths: every file Clarion writes stays inside the output folder. */
import path from 'node:path';

export class OutsideOutputError extends Error {}

/** Names that cannot leave a folder: segments of letters, digits, `_`, `-` and `.`, none starting with `.`. */
const PLAIN = /^[\w-][\w.-]*(?:\/[\w-][\w.-]*)*$/;

export function outputPath(outDir: string, relative: string): string {
  // The common case, without resolving: every output a statement has (a manifest lists thousands).
  if (PLAIN.test(relative) && path.isAbsolute(outDir)) return path.join(outDir, relative);
  const target = path.resolve(outDir, relative);
  const inside = path.relative(outDir, target);
  if (inside === '' || inside.startsWith('..') || path.isAbsolute(inside) || relative.includes('\0')) {
    throw new OutsideOutputError(`refusing to write "${relative}" outside the output folder`);
  }
  return target;
}
