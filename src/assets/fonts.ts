/**
 * Bundled fonts: reads the @font-face rules of @fontsource packages (their own CSS, so subsets
 * and unicode ranges stay exactly as published) and lists the woff2 files they use.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { parse } from 'yaml';
import { z } from 'zod';

const fontsSchema = z.array(
  z.strictObject({
    package: z.string().regex(/^@fontsource\/[a-z0-9-]+$/),
    family: z.string(),
    weights: z.array(z.int()).min(1),
    styles: z.array(z.enum(['normal', 'italic'])).default(['normal']),
  }),
);

export interface FontFace {
  /** The @font-face rule, its url() pointing at `{{file}}` to be replaced by the asset's href. */
  rule: string;
  /** Absolute path of the woff2 file. */
  file: string;
}

const require = createRequire(import.meta.url);

export function loadFontFaces(fontsFile: string): FontFace[] {
  const config = fontsSchema.parse(parse(readFileSync(fontsFile, 'utf8')));
  const faces: FontFace[] = [];
  for (const font of config) {
    const dir = path.dirname(require.resolve(`${font.package}/package.json`));
    for (const weight of font.weights) {
      for (const style of font.styles) {
        const css = readFileSync(path.join(dir, `${weight}${style === 'italic' ? '-italic' : ''}.css`), 'utf8');
        for (const block of css.match(/@font-face\s*{[^}]*}/g) ?? []) {
          const woff2 = /url\(\.\/(files\/[^)]+\.woff2)\)/.exec(block)?.[1];
          if (!woff2) continue;
          const rule = block.replace(/src:[^;]*;/, "src: url({{file}}) format('woff2');").replace(/font-display:\s*swap;/, 'font-display: block;');
          faces.push({ rule, file: path.join(dir, woff2) });
        }
      }
    }
  }
  return faces;
}
