/**
 * Writes the site (index, feeds, sitemap) for the published set, unless it is already current,
 * and says which of the previous site's files it no longer has (a language's feed after its last
 * statement went): the build removes those.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Manifest } from '../build/manifest.ts';
import { writeIfChanged } from '../write/write-atomic.ts';
import type { Published } from './listing.ts';
import { renderSite, siteKey, type SiteInputs } from './render-site.ts';

export type SiteRecord = NonNullable<Manifest['site']>;
type SiteFiles = { path: string; content: string }[];

/** The site rendered ahead of time (while PDFs print), for the published set the key names. */
export interface SiteAhead {
  key: string;
  files: Promise<SiteFiles>;
}

export async function publishSite(
  outDir: string,
  inputs: SiteInputs,
  published: readonly Published[],
  previous: SiteRecord | undefined,
  options: { force?: boolean; ahead?: SiteAhead } = {},
): Promise<{ site: SiteRecord | undefined; written: number; stale: string[] }> {
  // Only HTML builds make the site: others leave it as it is.
  if (!inputs.formats.includes('html')) return { site: previous, written: 0, stale: [] };
  const key = siteKey(inputs, published);
  if (!options.force && previous?.key === key && previous.outputs.every((f) => existsSync(path.join(outDir, f)))) return { site: previous, written: 0, stale: [] };
  // Usually rendered already, while the PDFs were printing.
  const files = await (options.ahead?.key === key ? options.ahead.files : renderSite(inputs, published));
  let written = 0;
  for (const file of files) written += await writeIfChanged(outDir, file.path, file.content);
  const outputs = files.map((f) => f.path);
  // A newsroom template with an error leaves the index as it was (and Clarion's to remove later).
  if (!inputs.newsroom && previous?.outputs.includes('index.html')) outputs.push('index.html');
  const stale = (previous?.outputs ?? []).filter((f) => !outputs.includes(f));
  return { site: { key, outputs }, written, stale };
}

/** Renders the site ahead, once `ready` resolves, unless the previous one is current. */
export function siteAhead(inputs: SiteInputs, published: readonly Published[], previous: SiteRecord | undefined, ready: Promise<unknown>): SiteAhead | undefined {
  if (!inputs.formats.includes('html')) return undefined;
  const key = siteKey(inputs, published);
  if (previous?.key === key) return undefined;
  const files = ready.then(() => renderSite(inputs, published));
  files.catch(() => {});
  return { key, files };
}
