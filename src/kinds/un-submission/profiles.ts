/**
 * Submission profiles (`templates/un-submission/profiles.yaml`): the rules of one kind of UN
 * submission — word limit, layout, font — kept as data so that an organisation can change them
 * when OHCHR's guidance changes, without touching code. Pure: text in, profiles or positioned
 * diagnostics out.
 */
import { z } from 'zod';
import type { Diagnostic } from '../../report/diagnostic.ts';
import { explainIssues } from '../../sources/explain-issues.ts';
import { parseYaml } from '../../sources/parse-yaml.ts';

export const PROFILES_FILE = 'templates/un-submission/profiles.yaml';

export type Status = 'general' | 'special' | 'roster';
export type LimitKey = Status | 'individual' | 'joint';

export interface Profile {
  /** The key in profiles.yaml, e.g. `hrc-written-statement`. */
  id: string;
  /** Human label, e.g. "Human Rights Council written statement". */
  name: string;
  /** Most words allowed, by ECOSOC status and/or individual/joint submission; empty: no limit. */
  limits: Partial<Record<LimitKey, number>>;
  /** Whether footnotes count towards the limit. */
  countNotes: boolean;
  numberParagraphs: boolean;
  numberPages: boolean;
  font: string;
  /** Points. */
  fontSize: number;
  titleBold: boolean;
  paper: 'A4';
  /** The languages the body accepts (BCP 47, each covering its regional variants); undefined: any. */
  languages?: string[];
}

export interface Submission {
  status: Status;
  joint: boolean;
}

const PROFILE_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

const wordLimit = z.int().min(1).max(1_000_000);

const limitsSchema = z.strictObject({
  general: wordLimit.optional(),
  special: wordLimit.optional(),
  roster: wordLimit.optional(),
  individual: wordLimit.optional(),
  joint: wordLimit.optional(),
});

const fontSize = z
  .number()
  .min(6)
  .max(72)
  .superRefine((value, ctx) => {
    // Word stores sizes in half points.
    if (!Number.isInteger(value * 2)) {
      const params = { rule: 'invalid-font-size', message: `font_size ${value} is not a whole or half point size`, hint: 'use e.g. 12 or 10.5' };
      ctx.addIssue({ code: 'custom', message: params.message, params, input: value });
    }
  });

const profileSchema = z.strictObject({
  name: z.string().min(1),
  // "none" reads better than an empty map for "no limit" in a file people edit by hand.
  limits: z.preprocess((value) => (value === 'none' ? {} : value), limitsSchema),
  count_notes: z.boolean().optional(),
  number_paragraphs: z.boolean().optional(),
  number_pages: z.boolean().optional(),
  font: z.string().min(1).optional(),
  font_size: fontSize.optional(),
  title_bold: z.boolean().optional(),
  paper: z.enum(['A4']).optional(),
  languages: z.array(z.string().regex(/^[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*$/)).min(1).optional(),
});

const profileFieldNames = Object.keys(profileSchema.shape);
const limitKeys = Object.keys(limitsSchema.shape);

export interface LoadedProfiles {
  profiles: Map<string, Profile>;
  diagnostics: Diagnostic[];
}

/** Every valid profile of the file, and a diagnostic for each problem in the others. */
export function loadProfiles(file: string, text: string): LoadedProfiles {
  const profiles = new Map<string, Profile>();
  const yaml = parseYaml(file, text.replace(/^\uFEFF/, ''), 1, { what: 'the file' });
  if (yaml.diagnostics.length > 0) return { profiles, diagnostics: yaml.diagnostics };
  const data = yaml.data;
  if (data === null || data === undefined || typeof data !== 'object' || Array.isArray(data) || Object.keys(data).length === 0) {
    return {
      profiles,
      diagnostics: [{ file, line: 1, column: 1, severity: 'error', rule: 'no-profiles', message: 'the file defines no submission profiles', hint: 'write each profile as a name followed by its fields, e.g. "generic:" then an indented "name: …" and "limits: none"' }],
    };
  }

  const diagnostics: Diagnostic[] = [];
  const fieldsAt = (path: readonly (string | number)[]) => (path[1] === 'limits' ? limitKeys : profileFieldNames);
  for (const [id, value] of Object.entries(data)) {
    if (!PROFILE_ID.test(id)) {
      diagnostics.push({ file, ...yaml.locate([id], { key: true }), severity: 'error', rule: 'invalid-profile-name', field: id, message: `"${id}" is not a profile name`, hint: 'use lower-case letters, digits and single hyphens, e.g. hrc-written-statement' });
      continue;
    }
    const result = profileSchema.safeParse(value);
    if (!result.success) {
      const issues = result.error.issues.map((issue) => ({ ...issue, path: [id, ...issue.path] }));
      diagnostics.push(...explainIssues(issues, { file, yaml, data, fieldsAt }));
      continue;
    }
    const p = result.data;
    profiles.set(id, {
      id,
      name: p.name,
      limits: p.limits,
      countNotes: p.count_notes ?? true,
      numberParagraphs: p.number_paragraphs ?? false,
      numberPages: p.number_pages ?? false,
      font: p.font ?? 'Times New Roman',
      fontSize: p.font_size ?? 12,
      titleBold: p.title_bold ?? false,
      paper: p.paper ?? 'A4',
      ...(p.languages ? { languages: p.languages.map((l) => l.toLowerCase()) } : {}),
    });
  }
  return { profiles, diagnostics };
}

/**
 * Which of the profile's limits applies: a joint submission takes the joint limit when the
 * profile has one; otherwise the submitting organisation's status decides, else the
 * individual limit.
 */
export function limitBasis(profile: Profile, submission: Submission): LimitKey | undefined {
  const { limits } = profile;
  if (submission.joint && limits.joint !== undefined) return 'joint';
  if (limits[submission.status] !== undefined) return submission.status;
  if (limits.individual !== undefined) return 'individual';
  return undefined;
}

/** The most words the submission may have under the profile, or undefined when there is no limit. */
export function limitFor(profile: Profile, submission: Submission): number | undefined {
  const basis = limitBasis(profile, submission);
  return basis === undefined ? undefined : profile.limits[basis];
}
