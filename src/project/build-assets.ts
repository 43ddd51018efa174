/**
 * Shared assets of a build, with content-hashed names so pages can be cached forever: each
 * kind's stylesheets (bundled @font-face rules first), the fonts, the organisation's logo.
 */
import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import type { TemplateSet } from './load-template-set.ts';
import type { FontFace } from './fonts.ts';

export interface AssetFile {
  /** Path inside the output folder, e.g. `assets/press-release.1a2b3c4d.css`. */
  path: string;
  content: Uint8Array | string;
}

export interface Assets {
  files: AssetFile[];
  /** Per kind: `style`, `print` (stylesheets) and `logo`, as paths inside the output folder. */
  hrefs: Map<string, Record<string, string>>;
}

export function contentHash(content: Uint8Array | string): string {
  return createHash('sha256').update(content).digest('hex').slice(0, 10);
}

/** Hashes of contents this process hashed (the same font, the same stylesheet, build after build). */
const hashes = new WeakMap<Uint8Array, string>();

function hashed(dir: string, name: string, content: Uint8Array | string): AssetFile {
  const ext = path.extname(name);
  let hash = typeof content === 'string' ? undefined : hashes.get(content);
  if (hash === undefined) {
    hash = contentHash(content);
    if (typeof content !== 'string') hashes.set(content, hash);
  }
  return { path: `${dir}/${path.basename(name, ext)}.${hash}${ext}`, content };
}

/** Files read in this process, by path, while their size and time of change stay the same (watch mode rebuilds: fonts are megabytes). */
const read = new Map<string, { stamp: string; content: Uint8Array }>();

function readCached(file: string): Uint8Array {
  const { size, mtimeMs } = statSync(file);
  const stamp = `${size}:${mtimeMs}`;
  const known = read.get(file);
  if (known?.stamp === stamp) return known.content;
  const content = readFileSync(file);
  read.set(file, { stamp, content });
  return content;
}

export function buildAssets(kinds: readonly TemplateSet[], fonts: readonly FontFace[], logoFile: string | undefined): Assets {
  const files = new Map<string, AssetFile>();
  const add = (file: AssetFile) => {
    files.set(file.path, file);
    return file.path;
  };
  // Stylesheets live in assets/, fonts in assets/fonts/: url()s are relative to the stylesheet.
  const fontRules = fonts
    .map((face) => {
      const file = add(hashed('assets/fonts', path.basename(face.file), readCached(face.file)));
      return face.rule.replace('{{file}}', file.slice('assets/'.length));
    })
    .join('\n');
  const logo = logoFile ? add(hashed('assets', path.basename(logoFile), readFileSync(logoFile))) : undefined;
  const hrefs = new Map<string, Record<string, string>>();
  for (const kind of kinds) {
    const own: Record<string, string> = logo ? { logo } : {};
    for (const [name, css] of Object.entries(kind.styles)) {
      const key = path.basename(name, '.css') === 'style' ? 'style' : path.basename(name, '.css');
      own[key] = add(hashed('assets', `${kind.name}-${name}`, `${fontRules}\n${css}`));
    }
    hrefs.set(kind.name, own);
  }
  return { files: [...files.values()].sort((a, b) => a.path.localeCompare(b.path)), hrefs };
}
