/**
 * Parsed statements, kept between builds. Parsing is pure, so a file whose bytes and context have
 * not changed is not parsed again: within a process (watch mode, the preview) and, through
 * `<out>/.clarion-cache`, from one build to the next. That file holds no output; one written by
 * other code (another Clarion, another Node.js) or unreadable is ignored.
 *
 * The same file remembers what was found sound, so that a build with nothing to do does not check
 * it again: the hashes of template sources that compiled (project/load-template-set.ts), and the
 * hash of the manifest the build that wrote it checked (build/manifest.ts).
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { deserialize, serialize } from 'node:v8';
import { codeId } from '../code-id.ts';
import { hashParts } from '../util/hash.ts';
import type { ParsedStatement, StatementContext } from './parse-statement.ts';

export const PARSE_CACHE_FILE = '.clarion-cache';
/**
 * 2: each entry serialized on its own, so that the file's bytes do not depend on which objects
 * entries happen to share in this process (a shared object is written once, then referenced).
 * 3: what was found sound (compiled templates, the checked manifest).
 */
const FORMAT = 3;

interface Entry {
  key: string;
  result: ParsedStatement;
}

const entries = new Map<string, Entry>();
/** Per output folder: the hash of its cache file as this process last read or wrote it. */
const onDisk = new Map<string, string>();
/** Per output folder: the entries its cache file holds, as this process last read or wrote them. */
const heldOnDisk = new Map<string, Map<string, Entry>>();
/** The bytes each entry read from a cache file was serialized to: written again as they are. */
const serialized = new WeakMap<Entry, Uint8Array>();

/** Template sources that compiled, by hash: those read from a cache file, and those this process compiled or met. */
const compiledOnDisk = new Set<string>();
const compiledNow = new Set<string>();
/** Per output folder: the hash of the manifest its cache file says was checked. */
const checkedManifests = new Map<string, string>();
/** Per output folder: what its cache file holds besides the entries, as this process last read or wrote it. */
const soundOnDisk = new Map<string, string>();

/** The hash of each context: statements read together share one (the profile, the kinds' settings). */
const contextHashes = new WeakMap<StatementContext, string>();

function contextHash(context: StatementContext): string {
  let hash = contextHashes.get(context);
  if (hash === undefined) contextHashes.set(context, (hash = hashParts([JSON.stringify(context, (_k, v: unknown) => (v instanceof Map ? [...v.entries()] : v))])));
  return hash;
}

export function parseCached(file: string, bytes: Uint8Array, context: StatementContext, parse: () => ParsedStatement): ParsedStatement {
  const key = hashParts([bytes, contextHash(context)]);
  const hit = entries.get(file);
  if (hit?.key === key) return hit.result;
  const result = parse();
  entries.set(file, { key, result });
  return result;
}

async function header(): Promise<string> {
  return JSON.stringify({ format: FORMAT, code: await codeId(), v8: process.versions.v8 });
}

/** Adds the entries of `<outDir>/.clarion-cache` to those of this process (read once per folder). */
export async function loadParseCache(outDir: string): Promise<void> {
  if (onDisk.has(outDir)) return;
  onDisk.set(outDir, '');
  try {
    const [bytes, expected] = await Promise.all([readFile(path.join(outDir, PARSE_CACHE_FILE)), header()]);
    onDisk.set(outDir, hashParts([bytes]));
    const data = deserialize(bytes) as { header?: unknown; entries?: unknown; compiled?: unknown; manifest?: unknown };
    if (data.header !== expected || !Array.isArray(data.entries)) return;
    if (Array.isArray(data.compiled)) for (const hash of data.compiled) if (typeof hash === 'string') compiledOnDisk.add(hash);
    if (typeof data.manifest === 'string') checkedManifests.set(outDir, data.manifest);
    soundOnDisk.set(outDir, JSON.stringify([data.compiled, data.manifest]));
    const held = new Map<string, Entry>();
    for (const item of data.entries as unknown[]) {
      if (!Array.isArray(item) || typeof item[0] !== 'string' || !(item[1] instanceof Uint8Array)) continue;
      const entry = deserialize(item[1]) as Partial<Entry> | undefined;
      if (typeof entry?.key !== 'string' || typeof entry.result !== 'object') continue;
      if (!entries.has(item[0])) entries.set(item[0], entry as Entry);
      held.set(item[0], entry as Entry);
      serialized.set(entry as Entry, item[1]);
    }
    heldOnDisk.set(outDir, held);
  } catch {
    // No cache yet, or one that cannot be read: every statement is parsed.
  }
}

/** Whether a template source (its hash) compiled before: in this process, or in the build that wrote a cache file it read. */
export function compiledBefore(hash: string): boolean {
  if (compiledNow.has(hash)) return true;
  if (!compiledOnDisk.has(hash)) return false;
  compiledNow.add(hash);
  return true;
}

/** Records that a template source (its hash) compiled. */
export function rememberCompiled(hash: string): void {
  compiledNow.add(hash);
}

/** The hash of the manifest text that the build which wrote the folder's cache file had checked. */
export function checkedManifest(outDir: string): string | undefined {
  return checkedManifests.get(outDir);
}

/**
 * The cache file's new content, holding the entries of `files`, the hashes of the build's
 * template sources (all compiled) and the hash of the manifest it writes, or undefined when the
 * file already holds exactly that (a build with nothing to do writes nothing).
 */
export async function parseCacheToWrite(outDir: string, files: readonly string[], sound: { compiled?: readonly string[]; manifest?: string } = {}): Promise<Uint8Array | undefined> {
  const { manifest } = sound;
  const keep = [...files].sort().flatMap((file) => {
    const entry = entries.get(file);
    return entry && mayKeep(entry.result) ? [[file, entry] as const] : [];
  });
  const compiledHashes = [...new Set(sound.compiled ?? [])].sort();
  const soundNow = JSON.stringify([compiledHashes, manifest]);
  // The very entries the file holds (a build that parsed nothing): nothing to serialize.
  const held = heldOnDisk.get(outDir);
  if (soundOnDisk.get(outDir) === soundNow && held?.size === keep.length && keep.every(([file, entry]) => held.get(file) === entry)) return undefined;
  const bytes = serialize({ header: await header(), entries: keep.map(([file, entry]) => [file, serialized.get(entry) ?? serialize(entry)]), compiled: compiledHashes, manifest });
  if (onDisk.get(outDir) === hashParts([bytes])) return undefined;
  return bytes;
}

/**
 * Only statements that parse and carry no embargo are kept on disk: the output folder may be
 * published whole, and the text of a statement under embargo must not sit in a file of a known
 * name. The others are few, and parsed on every build.
 */
function mayKeep(result: ParsedStatement): boolean {
  return result.statement !== undefined && result.statement.embargo === undefined;
}

/** Records that `bytes` (from parseCacheToWrite, with that manifest hash) are now the folder's cache file. */
export function parseCacheWritten(outDir: string, bytes: Uint8Array, manifest?: string): void {
  onDisk.set(outDir, hashParts([bytes]));
  heldOnDisk.delete(outDir);
  soundOnDisk.delete(outDir);
  if (manifest === undefined) checkedManifests.delete(outDir);
  else checkedManifests.set(outDir, manifest);
}

/** Forgets what this process parsed and read, as a new process starts (for tests). */
export function forgetParseCache(): void {
  entries.clear();
  onDisk.clear();
  heldOnDisk.clear();
  compiledOnDisk.clear();
  compiledNow.clear();
  checkedManifests.clear();
  soundOnDisk.clear();
}
