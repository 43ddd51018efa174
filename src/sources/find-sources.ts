/** Finds statement sources: the Markdown files under the given paths (default: statements/). */
import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';

export class UsageError extends Error {}

const MARKDOWN = /\.(md|markdown)$/i;

/** Paths are returned relative to `root`, with forward slashes, sorted. */
export async function findSources(root: string, paths: readonly string[]): Promise<string[]> {
  const found = new Set<string>();
  for (const given of paths) {
    const absolute = path.resolve(root, given);
    const info = await stat(absolute).catch(() => undefined);
    if (!info) throw new UsageError(`${given}: no such file or folder — give a statement file or a folder of statements`);
    if (info.isDirectory()) {
      for (const file of await walk(absolute)) found.add(relative(root, file));
    } else if (MARKDOWN.test(absolute)) {
      found.add(relative(root, absolute));
    } else {
      throw new UsageError(`${given}: not a Markdown statement (.md) — give a statement file or a folder of statements`);
    }
  }
  return [...found].sort();
}

async function walk(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const out: string[] = [];
  for (const entry of entries) {
    if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...(await walk(full)));
    else if (entry.isFile() && MARKDOWN.test(entry.name)) out.push(full);
  }
  return out;
}

function relative(root: string, file: string): string {
  return path.relative(root, file).split(path.sep).join('/');
}
