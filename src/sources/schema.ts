/**
 * The statement and organisation formats: the one place that says which fields exist, their
 * types and their limits. Field names are part of the public contract. Checks that need more
 * than a type (calendar dates, time zones, language tags) attach a rule id and a hint to their
 * issue so the validator can explain them.
 */
import { z } from 'zod';
import { isTimeZone, parseMoment } from '../util/moments.ts';
import { langFieldProblem } from './explain-language-tag.ts';

export const TITLE_MAX = 200;
export const SUMMARY_MAX = 300;
export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

interface RuleParams {
  rule: string;
  message: string;
  hint?: string;
}

function fail(ctx: { addIssue: (issue: { code: 'custom'; message: string; params: RuleParams; input: unknown }) => void }, value: unknown, params: RuleParams): void {
  ctx.addIssue({ code: 'custom', message: params.message, params, input: value });
}

const text = z.string();

const langTag = text.superRefine((value, ctx) => {
  const problem = langFieldProblem(value);
  if (problem?.severity === 'error') fail(ctx, value, problem);
});

const calendarDate = text
  .regex(/^\d{4}-\d{2}-\d{2}(?:[T ].*)?$/)
  .superRefine((value, ctx) => {
    const moment = parseMoment(value);
    if (typeof moment === 'string') {
      fail(ctx, value, {
        rule: 'invalid-date',
        message: moment === 'not-a-calendar-date' ? `"${value}" is not a calendar date` : `"${value}" is not a date`,
        hint: 'write the date as YYYY-MM-DD (e.g. 2023-11-27), or a date and time with its offset (e.g. 2023-11-27T10:00+05:00)',
      });
    }
  });

const embargoMoment = text.superRefine((value, ctx) => {
  const moment = parseMoment(value, { requireZone: true });
  if (moment === 'no-zone') {
    fail(ctx, value, {
      rule: 'embargo-without-zone',
      message: `embargo "${value}" does not say which time zone it is in`,
      hint: 'add an offset or a zone, e.g. 2023-11-28T09:00+05:00 or 2023-11-28T09:00 Asia/Karachi',
    });
  } else if (moment === 'unknown-zone') {
    fail(ctx, value, {
      rule: 'unknown-time-zone',
      message: `embargo "${value}" names a time zone that does not exist`,
      hint: 'use an IANA zone name such as Europe/Geneva or Asia/Karachi, or an offset such as +05:00',
    });
  } else if (typeof moment === 'string') {
    fail(ctx, value, {
      rule: 'invalid-date',
      message: moment === 'not-a-calendar-date' ? `embargo "${value}" is not a calendar date and time` : `embargo "${value}" is not a date and time`,
      hint: 'write it as YYYY-MM-DDTHH:MM with an offset or zone, e.g. 2023-11-28T09:00+05:00',
    });
  }
});

const timeZone = text.superRefine((value, ctx) => {
  if (!isTimeZone(value)) {
    fail(ctx, value, {
      rule: 'unknown-time-zone',
      message: `"${value}" is not a time zone`,
      hint: 'use an IANA zone name such as Europe/London, Asia/Karachi or UTC',
    });
  }
});

export const contactSchema = z
  .strictObject({
    name: text.min(1),
    role: text.optional(),
    email: z.email().optional(),
    phone: text.regex(/^\+?[0-9 ()./-]{5,}$/).optional(),
  })
  .describe('A media contact: name, role, email, phone');


/** The fields every statement may have; each kind adds its own (kinds/index.ts makes the whole schema). */
export const statementFields = {
  title: text.min(1).max(TITLE_MAX).describe('The headline (1-200 characters; under 100 reads best)'),
  subtitle: text.min(1).optional().describe('One-line subheadline'),
  date: calendarDate.describe('Release date: 2023-11-27, or a date-time with offset'),
  location: text.min(1).optional().describe('Dateline place, e.g. "Rabwah, Pakistan"'),
  lang: langTag.optional().describe('BCP 47 language tag; default: the organisation\'s, else en'),
  kind: text.regex(/^[a-z0-9-]+$/).optional().describe('Template family: a folder in templates/ (default press-release)'),
  summary: text.min(1).max(SUMMARY_MAX).optional().describe('One or two sentences for listings and search (at most 300 characters)'),
  tags: z.array(text.min(1)).optional(),
  embargo: embargoMoment.optional().describe('Not for publication before this moment: date-time with offset or IANA zone'),
  contacts: z.array(contactSchema).optional().describe('Media contacts; default: the organisation\'s'),
  notes: z.array(text.min(1)).optional().describe('Notes to editors, each in Markdown'),
  slug: text.regex(SLUG_PATTERN).optional().describe('Output folder name: a-z, 0-9 and -; default from the file name'),
  organizations: z.array(text.min(1)).optional().describe('Co-signing organisations of a joint statement'),
  status: z.enum(['draft', 'published']).optional().describe('draft: built for proofing, but left out of the newsroom, the feeds and the sitemap, marked DRAFT, and never sent; published (default)'),
  corrections: z.array(z.strictObject({ date: calendarDate, note: text.min(1) })).optional().describe('Corrections made after publication, each with its date and what was corrected'),
};

export type StatementFields = z.infer<z.ZodObject<typeof statementFields>>;
export type Contact = z.infer<typeof contactSchema>;

export const organizationSchema = z
  .strictObject({
    name: text.min(1).describe('The organisation\'s name'),
    website: z.url({ protocol: /^https?$/ }).optional().describe('Base URL of the newsroom, e.g. https://press.example.org/'),
    logo: text.min(1).optional().describe('Path of the logo image, relative to statements/'),
    address: text.min(1).optional().describe('Postal address (one or more lines)'),
    about: text.min(1).optional().describe('"About" boilerplate, in Markdown'),
    contacts: z.array(contactSchema).optional(),
    lang: langTag.optional().describe('Default language of statements (default en)'),
    timezone: timeZone.optional().describe('IANA time zone for embargo lines (default UTC)'),
    dateline_style: z.enum(['ap', 'un']).optional().describe('ap: "RABWAH, Pakistan —"; un: "RABWAH (27 November 2023) —"'),
    end_mark: z.enum(['###', '-30-', 'ENDS']).optional(),
    paper: z.enum(['A4', 'Letter']).optional(),
    text_width: z.int().min(40).max(998).optional().describe('Wrap width of the plain-text release (default 72)'),
    allow_html: z.boolean().optional().describe('Pass raw HTML in Markdown through to the web page (default false)'),
    press_email: z.email().optional().describe('From address of emailed releases (default: the first contact with an email)'),
    email_attach_pdf: z.boolean().optional().describe('Attach the PDF to emailed releases (default false)'),
    unsubscribe_email: z.email().optional().describe('Where recipients of emailed releases ask to be taken off the list: the List-Unsubscribe header (mailto:, default press_email)'),
    languages: z
      .record(
        z.string(),
        z.strictObject({
          name: text.min(1).optional().describe("The organisation's name in this language"),
          about: text.min(1).optional().describe('"About" boilerplate in this language, in Markdown'),
          address: text.min(1).optional().describe('Postal address in this language'),
          roles: z.record(z.string(), text.min(1)).optional().describe('Contact roles in this language, by the role as written in contacts'),
        }),
      )
      .optional()
      .describe("The organisation's texts in other languages, by language tag (fr, ur...): statements in that language use them"),
  })
  .describe('The organisation profile, statements/organization.yaml');

export type OrganizationFields = z.infer<typeof organizationSchema>;

export const organizationDefaults = {
  lang: 'en',
  timezone: 'UTC',
  dateline_style: 'ap',
  end_mark: '###',
  paper: 'A4',
  text_width: 72,
  allow_html: false,
  email_attach_pdf: false,
} as const satisfies Partial<OrganizationFields>;

export type Organization = OrganizationFields & {
  [K in keyof typeof organizationDefaults]-?: NonNullable<OrganizationFields[K]>;
} & {
  contacts: Contact[];
  /** Where each field is written in the profile, for problems about it. */
  positions?: Record<string, { line: number; column: number }>;
};

export const organizationFieldNames = Object.keys(organizationSchema.shape);
