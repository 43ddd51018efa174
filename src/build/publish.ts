/**
 * The end of a build: the manifest records what each statement built now published, the site is
 * made from the whole published set, what is no longer published is removed (only files the
 * manifest says Clarion wrote), and the parse cache and the manifest are written.
 */
import { countBySeverity, type Diagnostic } from '../report/diagnostic.ts';
import { PARSE_CACHE_FILE, parseCacheToWrite, parseCacheWritten } from '../sources/parse-cache.ts';
import { listingOf } from '../site/listing.ts';
import { publishedSet } from '../site/published-set.ts';
import { publishSite, type SiteAhead } from '../site/publish-site.ts';
import type { SiteInputs } from '../site/render-site.ts';
import { removeOutputs } from '../write/remove-outputs.ts';
import { writeAtomic, writeIfChanged } from '../write/write-atomic.ts';
import type { MadeStatement } from './make-statements.ts';
import { MANIFEST_FILE, manifestHash, manifestWritten, serializeManifest, type Manifest } from './manifest.ts';
import type { BuildResult } from './result.ts';

export interface PublishInput {
  outDir: string;
  /** The manifest of the last build, and the one this build writes (its entries of gone sources removed). */
  previous: Manifest | undefined;
  manifest: Manifest;
  made: readonly MadeStatement[];
  keyOf: (statement: MadeStatement['statement'], media: readonly string[]) => string;
  /** Outputs of sources that are gone. */
  unpublished: string[];
  site: SiteInputs;
  ahead: SiteAhead | undefined;
  force: boolean;
  /** A build of every statement (not of some paths). */
  whole: boolean;
  /** Every source found. */
  sources: readonly string[];
  /** The inputs of the build, recorded when it has no failures. */
  inputs: string;
  /** The hashes of the template sources the build compiled (the parse cache keeps them). */
  compiled: readonly string[];
  failed: ReadonlySet<string>;
  diagnostics: readonly Diagnostic[];
}

export async function publish(input: PublishInput, result: BuildResult): Promise<void> {
  const { manifest, outDir } = input;
  const unpublished = [...input.unpublished];
  for (const m of input.made) {
    const s = m.statement;
    // Outputs of its previous folder (its slug changed) are no longer published.
    const before = manifest.statements[s.file];
    if (before && before.slug !== s.folder) unpublished.push(...before.outputs);
    manifest.statements[s.file] = { key: input.keyOf(s, m.media), slug: s.folder, outputs: m.outputs, media: m.media, listing: listingOf(s) };
  }
  // The site, from the whole published set, then the removal of what is no longer published:
  // only files the manifest says Clarion wrote, and none that a published statement has.
  const published = publishedSet(manifest.statements);
  result.published = published.map((p) => ({ file: p.file, slug: p.slug, folder: p.folder, title: p.title, kind: p.kind }));
  const site = await publishSite(outDir, input.site, published, input.previous?.site, { ...(input.force ? { force: true } : {}), ...(input.ahead ? { ahead: input.ahead } : {}) });
  result.files += site.written;
  if (site.site) manifest.site = site.site;
  const current = new Set(Object.values(manifest.statements).flatMap((e) => e.outputs));
  result.removed = [...new Set([...unpublished.filter((f) => !current.has(f)), ...site.stale])].sort();
  await removeOutputs(outDir, result.removed);
  // A build without failures records its inputs: the same inputs next time mean nothing to print.
  if (input.whole && input.failed.size === 0 && countBySeverity(input.diagnostics).errors === 0) manifest.inputs = input.inputs;
  const text = serializeManifest(manifest);
  // A whole build's statements make the whole cache (a build of some statements would drop the
  // others), with the hash of the manifest it writes from checked entries.
  const checked = input.whole ? manifestHash(text) : undefined;
  const cache = input.whole ? await parseCacheToWrite(outDir, [...input.sources], { compiled: input.compiled, ...(checked ? { manifest: checked } : {}) }) : undefined;
  if (cache) {
    // Only a cache: a build that cannot write it is no slower next time than without it.
    await writeAtomic(outDir, PARSE_CACHE_FILE, cache).then(() => parseCacheWritten(outDir, cache, checked), () => {});
  }
  result.files += await writeIfChanged(outDir, MANIFEST_FILE, text);
  manifestWritten(outDir, text);
}

