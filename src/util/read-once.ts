/**
 * A build reads each statement's source once: the hash of the build's inputs, the parse and the
 * statement's key are all made from the same bytes (read three times, a thousand statements took
 * a tenth of a rebuild with nothing to do, and a file saved between two reads could give a key
 * that does not describe what was built). Only Markdown is kept; other files (images) are read
 * whenever asked for.
 */
import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';

export interface ReadOnce {
  /** The file's bytes; throws as readFileSync does when it cannot be read. */
  readSync(file: string): Uint8Array;
  read(file: string): Promise<Uint8Array>;
  /** Reads the Markdown files of a list side by side (others are left to be read when asked for). */
  prefetch(files: readonly string[]): Promise<void>;
}

const KEPT = /\.(md|markdown)$/i;

export function readOnce(): ReadOnce {
  const kept = new Map<string, Uint8Array>();
  const readSync = (file: string): Uint8Array => {
    const known = kept.get(file);
    if (known) return known;
    const bytes = readFileSync(file);
    if (KEPT.test(file)) kept.set(file, bytes);
    return bytes;
  };
  const read = async (file: string): Promise<Uint8Array> => {
    const known = kept.get(file);
    if (known) return known;
    const bytes = await readFile(file);
    // Two reads of one file at once: the first to finish is the one kept.
    if (KEPT.test(file) && !kept.has(file)) kept.set(file, bytes);
    return kept.get(file) ?? bytes;
  };
  const prefetch = async (files: readonly string[]): Promise<void> => {
    // A file that cannot be read is left to the read that needs it, which says why.
    await Promise.all(files.filter((f) => KEPT.test(f)).map((f) => read(f).catch(() => undefined)));
  };
  return { readSync, read, prefetch };
}
