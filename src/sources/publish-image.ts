/**
 * Resolves an image path written in a statement to a file inside statements/ and publishes it
 * under assets/media/ with a content-hashed name. Paths that leave statements/ (`../`, absolute
 * paths, symbolic links pointing out) are refused without reading the file.
 */
import { readFileSync, realpathSync, statSync } from 'node:fs';
import path from 'node:path';
import type { ImageResolution } from '../markdown/resolve-images.ts';
import { contentHash, type AssetFile } from '../project/build-assets.ts';

const IMAGE_TYPES = new Set(['.png', '.jpg', '.jpeg', '.gif', '.svg', '.webp', '.avif']);
const MAX_BYTES = 20 * 1024 * 1024;

export function publishImage(url: string, statementFile: string, statementsDir: string, media: Map<string, AssetFile>, used?: Set<string>): ImageResolution {
  let decoded: string;
  try {
    decoded = decodeURIComponent(url.split(/[?#]/)[0]!);
  } catch {
    decoded = url;
  }
  if (path.isAbsolute(decoded) || /^[a-z]:[\\/]/i.test(decoded)) {
    return { problem: `the image "${url}" is an absolute path`, hint: 'store the image beside the statement and write its path relative to it, e.g. images/chart.png' };
  }
  const candidate = path.resolve(path.dirname(statementFile), decoded);
  const outside = (p: string) => {
    const rel = path.relative(statementsDir, p);
    return rel.startsWith('..') || path.isAbsolute(rel);
  };
  if (outside(candidate)) {
    return { problem: `the image "${url}" is outside statements/`, hint: 'copy the image into the statement\'s folder and link it from there' };
  }
  let real: string;
  try {
    real = realpathSync(candidate);
  } catch {
    return { problem: `the image "${url}" does not exist`, hint: 'check the file name and its folder (paths are relative to the statement)' };
  }
  if (outside(real)) {
    return { problem: `the image "${url}" is a link to a file outside statements/`, hint: 'copy the image itself into the statement\'s folder' };
  }
  const ext = path.extname(real).toLowerCase();
  if (!IMAGE_TYPES.has(ext)) {
    return { problem: `"${url}" is not an image Clarion publishes`, hint: `use one of ${[...IMAGE_TYPES].join(', ')}` };
  }
  const info = statSync(real);
  if (!info.isFile()) return { problem: `the image "${url}" is not a regular file`, hint: 'point at an image file' };
  if (info.size > MAX_BYTES) return { problem: `the image "${url}" is larger than 20 MB`, hint: 'make it smaller (e.g. export it at 2000 pixels wide)' };
  used?.add(real);
  let asset = media.get(real);
  if (!asset) {
    const content = readFileSync(real);
    asset = { path: `assets/media/${path.basename(real, ext)}.${contentHash(content)}${ext}`, content };
    media.set(real, asset);
  }
  // Relative to the output folder; the caller prefixes the way up from the page.
  return { href: asset.path };
}
