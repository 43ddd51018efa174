/**
 * Everything of a project that is not a statement, loaded once per build (and once per change in
 * watch mode) and checked, each problem with its file, line and column: the template sets of the
 * kinds used and of the newsroom, the logo, the fonts list, and the words of each language (read
 * the first time a language asks for them). Rendering reads no settings file of its own.
 */
import path from 'node:path';
import type { Diagnostic } from '../report/diagnostic.ts';
import type { Organization } from '../sources/schema.ts';
import { fontFamilies, FONTS_FILE, loadFontFaces, readFontsList, type FontFace, type FontFamily } from './fonts.ts';
import { loadStrings, type LoadedStrings } from './locales.ts';
import type { TemplateSet } from './load-template-set.ts';
import { loadTemplates } from './load-templates.ts';
import { TEMPLATES_DIR } from './paths.ts';

export interface Project {
  root: string;
  templatesDir: string;
  /** The template sets of the kinds asked for that loaded without error. */
  templates: Map<string, TemplateSet>;
  /** The newsroom index's templates, when asked for and sound. */
  newsroom?: TemplateSet;
  /** The logo's real path, when the profile names one inside statements/. */
  logo?: string;
  /** The fonts list (empty when it has errors). */
  fonts: FontFamily[];
  /** The @font-face rules and files of the fonts, read when first asked for. */
  fontFaces(): FontFace[];
  /** The words of a language, read once per language. */
  strings(lang: string): LoadedStrings;
  /** Every problem found in these files. */
  diagnostics: Diagnostic[];
  /** Whether a problem stops every statement (the fonts list: no page or PDF can be made without it). */
  broken: boolean;
}

export interface ProjectOptions {
  /** The kinds whose template sets to load. */
  kinds: Iterable<string>;
  /** Whether the newsroom's templates are needed (HTML builds). */
  newsroom: boolean;
  organization: Organization;
}

export function loadProject(root: string, options: ProjectOptions): Project {
  const templatesDir = path.join(root, TEMPLATES_DIR);
  const templates = loadTemplates(root, templatesDir, options.kinds, { newsroom: options.newsroom, organization: options.organization });
  const fontsList = readFontsList(root);
  const diagnostics = [...templates.diagnostics, ...fontsList.diagnostics];
  let faces: FontFace[] | undefined;
  const strings = new Map<string, LoadedStrings>();
  return {
    root,
    templatesDir,
    templates: templates.kinds,
    ...(templates.newsroom ? { newsroom: templates.newsroom } : {}),
    ...(templates.logo ? { logo: templates.logo } : {}),
    fonts: fontFamilies(fontsList.entries),
    fontFaces() {
      if (!faces) {
        const loaded = loadFontFaces(fontsList.entries);
        diagnostics.push(...loaded.diagnostics);
        faces = loaded.faces;
      }
      return faces;
    },
    strings(lang) {
      let loaded = strings.get(lang);
      if (!loaded) {
        loaded = loadStrings(path.join(templatesDir, 'locales'), lang);
        strings.set(lang, loaded);
      }
      return loaded;
    },
    diagnostics,
    get broken() {
      return diagnostics.some((d) => d.file === FONTS_FILE && d.severity === 'error');
    },
  };
}
