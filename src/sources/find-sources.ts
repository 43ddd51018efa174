/**
 * Finds statement sources: the Markdown files under the given paths (default: statements/).
 * A symbolic link to a statement is followed only when it resolves inside statements/; one that
 * leads out of it (or nowhere) is reported, and the file it points at is never opened. A linked
 * folder is never walked: inside statements/ its files are found where they are, and one
 * outside it is reported.
 */
import { lstatSync, realpathSync } from 'node:fs';
import { lstat, readdir, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Diagnostic } from '../report/diagnostic.ts';

export class UsageError extends Error {}

const MARKDOWN = /\.(md|markdown)$/i;
/** The folder sources are confined to (the same as load-statements.ts's STATEMENTS_DIR). */
const STATEMENTS = 'statements';

export interface FoundSources {
  /** Sources that may be read: relative to `root`, with forward slashes, sorted. */
  files: string[];
  /** Links that were refused (reported in `diagnostics`, never read), as `files`. */
  refused: string[];
  diagnostics: Diagnostic[];
}

/** Paths are returned relative to `root`, with forward slashes, sorted. Refused links are left out. */
export async function findSources(root: string, paths: readonly string[]): Promise<string[]> {
  return (await findSourcesChecked(root, paths)).files;
}

/** As `findSources`, with the links it refused and why. */
export async function findSourcesChecked(root: string, paths: readonly string[]): Promise<FoundSources> {
  const found = new Set<string>();
  const refused = new Map<string, Diagnostic>();
  const confinedTo = await realpath(path.join(root, STATEMENTS)).catch(() => path.resolve(root, STATEMENTS));
  const refuse = (absolute: string, what: 'statement' | 'folder', target: 'outside' | 'missing') => {
    const file = relative(root, absolute);
    const noun = what === 'folder' ? 'folder' : 'file';
    const message = `the ${what} is a link to a ${noun} ${target === 'missing' ? 'that does not exist' : 'outside statements/'}`;
    const hint = `${target === 'missing' ? 'remove the link, or copy' : 'copy'} the ${noun} itself into statements/`;
    refused.set(file, { file, line: 1, column: 1, severity: 'error', rule: 'symlink', message, hint });
  };
  const walk = async (dir: string): Promise<void> => {
    const entries = await readdir(dir, { withFileTypes: true });
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
      const full = path.join(dir, entry.name);
      if (entry.isSymbolicLink()) {
        const target = await realpath(full).catch(() => undefined);
        const info = target ? await stat(target).catch(() => undefined) : undefined;
        const what = info?.isDirectory() ? 'folder' : 'statement';
        if (what === 'statement' && !MARKDOWN.test(entry.name)) continue;
        if (!target || !info) refuse(full, what, 'missing');
        else if (!inside(confinedTo, target)) refuse(full, what, 'outside');
        // A linked folder inside statements/ is not walked again: its files are found where they are.
        else if (info.isFile()) found.add(relative(root, full));
        continue;
      }
      if (entry.isDirectory()) await walk(full);
      else if (entry.isFile() && MARKDOWN.test(entry.name)) found.add(relative(root, full));
    }
  };

  for (const given of paths) {
    const absolute = path.resolve(root, given);
    const link = await lstat(absolute).catch(() => undefined);
    const info = await stat(absolute).catch(() => undefined);
    // A path given inside statements/ that resolves out of it (through a link) is refused too.
    if (link && inside(path.resolve(root, STATEMENTS), absolute) && (info?.isDirectory() || MARKDOWN.test(absolute))) {
      const target = await realpath(absolute).catch(() => undefined);
      const what = info?.isDirectory() ? 'folder' : 'statement';
      if (!target || !info) {
        refuse(absolute, what, 'missing');
        continue;
      }
      if (!inside(confinedTo, target)) {
        refuse(absolute, what, 'outside');
        continue;
      }
    }
    if (!info) throw new UsageError(`${given}: no such file or folder — give a statement file or a folder of statements`);
    if (info.isDirectory()) {
      await walk(absolute);
    } else if (MARKDOWN.test(absolute) && info.isFile()) {
      found.add(relative(root, absolute));
    } else {
      throw new UsageError(`${given}: not a Markdown statement (.md) — give a statement file or a folder of statements`);
    }
  }
  const files = [...found].filter((f) => !refused.has(f)).sort();
  const refusedFiles = [...refused.keys()].sort();
  return { files, refused: refusedFiles, diagnostics: refusedFiles.map((f) => refused.get(f)!) };
}

/**
 * Whether `file` (relative to `root`) is a symbolic link that leads out of statements/ (or
 * nowhere): such a file must not be read. (Linked folders are refused by findSourcesChecked.)
 */
export function leavesStatements(root: string, file: string): boolean {
  const absolute = path.resolve(root, file);
  let confinedTo: string;
  try {
    confinedTo = realpathSync(path.join(root, STATEMENTS));
  } catch {
    return false;
  }
  try {
    if (!lstatSync(absolute).isSymbolicLink()) return false;
    return !inside(confinedTo, realpathSync(absolute));
  } catch {
    return true;
  }
}

function inside(dir: string, file: string): boolean {
  const rel = path.relative(dir, file);
  return rel !== '..' && !rel.startsWith(`..${path.sep}`) && !path.isAbsolute(rel);
}

function relative(root: string, file: string): string {
  return path.relative(root, file).split(path.sep).join('/');
}
