/**
 * Bundled fonts: reads the @font-face rules of @fontsource packages (their own CSS, so subsets
 * and unicode ranges stay exactly as published) and lists the woff2 files they use. A font may
 * serve given languages only (`langs: [ur]`), with the line height its script needs: the font
 * stack and line height of a language come from here.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { z } from 'zod';
import type { Diagnostic } from '../report/diagnostic.ts';
import { explainIssues } from '../sources/explain-issues.ts';
import { parseYaml } from '../sources/parse-yaml.ts';

const GENERIC_FAMILIES = ['serif', 'sans-serif', 'monospace', 'cursive', 'fantasy', 'system-ui'] as const;
export type GenericFamily = (typeof GENERIC_FAMILIES)[number];

const lineHeight = z.number().min(1).max(4);

const fontsSchema = z.array(
  z.strictObject({
    package: z.string().regex(/^@fontsource\/[a-z0-9-]+$/),
    // Printed into CSS between quotes: letters, digits, spaces, dots, hyphens and underscores only.
    family: z.string().regex(/^[\p{L}\p{N}][\p{L}\p{N} ._-]*$/u),
    weights: z.array(z.int()).min(1),
    styles: z.array(z.enum(['normal', 'italic'])).default(['normal']),
    /** Subsets of the package to bundle (`arabic`, `latin`...); default: every one. */
    subsets: z.array(z.string().regex(/^[a-z0-9-]+$/)).min(1).optional(),
    /** BCP 47 tags of the languages the font is for, each covering its regional variants (`ur` covers `ur-PK`); default: every language. */
    langs: z.array(z.string().regex(/^[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*$/)).min(1).optional(),
    /** Line height (unitless) that text in this font needs: e.g. 2.2 for Nastaliq's tall glyphs. */
    line_height: lineHeight.optional(),
    /** Line height of headings in this font. */
    heading_line_height: lineHeight.optional(),
    /** The generic family that ends a stack built on this font. */
    generic: z.enum(GENERIC_FAMILIES).default('serif'),
  }),
);

/** A font family as fonts.yaml lists it: what font stacks and line heights are built from. */
export interface FontFamily {
  family: string;
  /** Lowercase BCP 47 tags of the languages it serves; empty: every language. */
  langs: string[];
  lineHeight?: number;
  headingLineHeight?: number;
  generic: GenericFamily;
}

export interface FontFace extends FontFamily {
  /** The @font-face rule, its url() pointing at `{{file}}` to be replaced by the asset's href. */
  rule: string;
  /** Absolute path of the woff2 file. */
  file: string;
}

/** What the templates of one language set: `font-family` and `line-height` (undefined: the stylesheet's own). */
export interface LanguageTypography {
  /** `'Noto Nastaliq Urdu', 'Source Serif 4', serif` */
  fontStack: string;
  lineHeight?: number;
  headingLineHeight?: number;
}

const require = createRequire(import.meta.url);

export type FontEntry = z.infer<typeof fontsSchema>[number];
const fontFields = Object.keys(fontsSchema.element.shape);

export const FONTS_FILE = 'templates/fonts.yaml';

/** The fonts list, read and checked: its entries, or every problem with its line and column. */
export interface FontsList {
  entries: FontEntry[];
  diagnostics: Diagnostic[];
}

export function readFontsList(root: string, file = FONTS_FILE): FontsList {
  let text: string;
  try {
    text = readFileSync(path.join(root, file), 'utf8');
  } catch {
    return { entries: [], diagnostics: [{ file, line: 1, column: 1, severity: 'error', rule: 'missing-fonts', message: 'the list of fonts is missing', hint: `restore ${file}: it names the fonts bundled into pages and PDFs (see README, "Templates")` }] };
  }
  return parseFontsList(file, text);
}

/** Pure: the text of fonts.yaml to its entries, or positioned problems (syntax, fields, packages, subsets). */
export function parseFontsList(file: string, text: string): FontsList {
  const yaml = parseYaml(file, text.replace(/^\uFEFF/, ''), 1, { what: 'the file' });
  if (yaml.diagnostics.length > 0 || yaml.data === undefined) return { entries: [], diagnostics: yaml.diagnostics };
  const result = fontsSchema.safeParse(yaml.data);
  if (!result.success) {
    const fieldsAt = (p: readonly (string | number)[]) => (p.length === 0 ? [] : fontFields);
    const diagnostics = explainIssues(result.error.issues, { file, yaml, data: yaml.data, fieldsAt });
    if (diagnostics.length === 0) diagnostics.push({ file, line: 1, column: 1, severity: 'error', rule: 'fonts', message: 'the list of fonts is not a list of fonts', hint: 'write each font as "- package: \"@fontsource/...\"" followed by its family and weights' });
    return { entries: [], diagnostics };
  }
  const diagnostics: Diagnostic[] = [];
  result.data.forEach((font, i) => {
    if (packageDir(font.package)) return;
    diagnostics.push({ file, ...yaml.locate([i, 'package']), severity: 'error', rule: 'font-package', field: `[${i}].package`, message: `the font package "${font.package}" is not installed`, hint: `install it with npm install ${font.package}, or name an installed @fontsource package` });
  });
  return diagnostics.length ? { entries: [], diagnostics } : { entries: result.data, diagnostics: [] };
}

function packageDir(pkg: string): string | undefined {
  try {
    return path.dirname(require.resolve(`${pkg}/package.json`));
  } catch {
    return undefined;
  }
}

function familyOf(font: FontEntry): FontFamily {
  return {
    family: font.family,
    langs: (font.langs ?? []).map((l) => l.toLowerCase()),
    ...(font.line_height !== undefined ? { lineHeight: font.line_height } : {}),
    ...(font.heading_line_height !== undefined ? { headingLineHeight: font.heading_line_height } : {}),
    generic: font.generic,
  };
}

/** The font families of fonts.yaml, in its order (no font file is read). */
export function fontFamilies(entries: readonly FontEntry[]): FontFamily[] {
  return entries.map(familyOf);
}

/** The @font-face rules and files of every font listed (a subset the package lacks is a positioned problem). */
export function loadFontFaces(entries: readonly FontEntry[]): { faces: FontFace[]; diagnostics: Diagnostic[] } {
  const faces: FontFace[] = [];
  const diagnostics: Diagnostic[] = [];
  entries.forEach((font, i) => {
    const dir = packageDir(font.package)!;
    const family = familyOf(font);
    const seen = new Set<string>();
    for (const weight of font.weights) {
      for (const style of font.styles) {
        const css = readFileSync(path.join(dir, `${weight}${style === 'italic' ? '-italic' : ''}.css`), 'utf8');
        for (const block of css.match(/@font-face\s*{[^}]*}/g) ?? []) {
          const woff2 = /url\(\.\/(files\/[^)]+\.woff2)\)/.exec(block)?.[1];
          if (!woff2) continue;
          const subset = subsetOf(woff2, font.package, weight, style);
          seen.add(subset);
          if (font.subsets && !font.subsets.includes(subset)) continue;
          const rule = block.replace(/src:[^;]*;/, "src: url({{file}}) format('woff2');").replace(/font-display:\s*swap;/, 'font-display: block;');
          faces.push({ rule, file: path.join(dir, woff2), ...family });
        }
      }
    }
    const unknown = (font.subsets ?? []).filter((s) => !seen.has(s));
    if (unknown.length) {
      diagnostics.push({ file: FONTS_FILE, line: 1, column: 1, severity: 'error', rule: 'font-subset', field: `[${i}].subsets`, message: `${font.package} has no subset ${unknown.map((s) => `"${s}"`).join(', ')}`, hint: `use one of ${[...seen].sort().join(', ')}` });
    }
  });
  return { faces, diagnostics };
}

/** `files/noto-nastaliq-urdu-latin-ext-400-normal.woff2` of `@fontsource/noto-nastaliq-urdu` → `latin-ext`. */
function subsetOf(woff2: string, pkg: string, weight: number, style: string): string {
  const stem = path.basename(woff2, '.woff2').replace(new RegExp(`-${weight}-${style}$`), '');
  const prefix = `${pkg.slice('@fontsource/'.length)}-`;
  return stem.startsWith(prefix) ? stem.slice(prefix.length) : stem;
}

/** Whether a font listed for `fontLangs` serves `lang` (`ur` serves `ur` and `ur-PK`, not `urd`). */
function serves(fontLangs: readonly string[], lang: string): boolean {
  const tag = lang.toLowerCase();
  return fontLangs.some((l) => tag === l || tag.startsWith(`${l}-`));
}

export interface StackOptions {
  /**
   * The family the stack falls back on for the characters the language's own fonts lack (Latin
   * citations in an Urdu text): a font of fonts.yaml without `langs`. Default: the first such
   * font (the body font, Source Serif 4); a kind with a font of its own names it here.
   */
  base?: string;
}

/**
 * The CSS font-family stack for a language: the fonts listed for it (most specific tag first,
 * then in file order), then the base font, then the base font's generic family. Each family is
 * quoted: `'Noto Nastaliq Urdu', 'Source Serif 4', serif`.
 */
export function fontStackFor(fonts: readonly FontFamily[], lang: string, options: StackOptions = {}): string {
  const own = fonts
    .map((f, index) => ({ f, index, specificity: Math.max(-1, ...f.langs.filter((l) => serves([l], lang)).map((l) => l.length)) }))
    .filter((x) => x.specificity >= 0)
    .sort((a, b) => b.specificity - a.specificity || a.index - b.index)
    .map((x) => x.f);
  const shared = fonts.filter((f) => f.langs.length === 0);
  const base = options.base === undefined ? shared[0] : shared.find((f) => f.family === options.base);
  if (options.base !== undefined && !base) throw new Error(`the base font "${options.base}" is not a font of fonts.yaml for every language (${shared.map((f) => f.family).join(', ') || 'there is none'})`);
  const families = [...new Set([...own, ...(base ? [base] : [])].map((f) => f.family))];
  const generic = base?.generic ?? own[0]?.generic ?? 'serif';
  return [...families.map((f) => `'${f}'`), generic].join(', ');
}

/** The line height the language's own font needs, or undefined when the stylesheet's default is right. */
export function lineHeightFor(fonts: readonly FontFamily[], lang: string): number | undefined {
  return languageTypography(fonts, lang).lineHeight;
}

/** Font stack and line heights of a language, from the first font listed for it that sets them. */
export function languageTypography(fonts: readonly FontFamily[], lang: string, options: StackOptions = {}): LanguageTypography {
  const own = fonts.filter((f) => serves(f.langs, lang));
  const lineHeight = own.find((f) => f.lineHeight !== undefined)?.lineHeight;
  const headingLineHeight = own.find((f) => f.headingLineHeight !== undefined)?.headingLineHeight;
  return {
    fontStack: fontStackFor(fonts, lang, options),
    ...(lineHeight !== undefined ? { lineHeight } : {}),
    ...(headingLineHeight !== undefined ? { headingLineHeight } : {}),
  };
}

/**
 * The CSS custom properties the stylesheets read (`--font-stack`, `--line-height`,
 * `--heading-line-height`), as the value of a `style` attribute: a line height left out keeps
 * the stylesheet's own (which differs between screen and print).
 */
export function typographyStyle(typography: LanguageTypography): string {
  const decls = [`--font-stack: ${typography.fontStack}`];
  if (typography.lineHeight !== undefined) decls.push(`--line-height: ${typography.lineHeight}`);
  if (typography.headingLineHeight !== undefined) decls.push(`--heading-line-height: ${typography.headingLineHeight}`);
  return decls.join('; ');
}
