/** Output paths: every file Clarion writes stays inside the output folder. */
import path from 'node:path';

export class OutsideOutputError extends Error {}

export function outputPath(outDir: string, relative: string): string {
  const target = path.resolve(outDir, relative);
  const inside = path.relative(outDir, target);
  if (inside === '' || inside.startsWith('..') || path.isAbsolute(inside) || relative.includes('\0')) {
    throw new OutsideOutputError(`refusing to write "${relative}" outside the output folder`);
  }
  return target;
}
