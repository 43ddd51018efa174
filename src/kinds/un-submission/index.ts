/**
 * The UN submission: a document for a UN body (a Human Rights Council written statement, a UPR
 * stakeholder report, a treaty-body submission), described by its `submission` block and one of
 * the profiles of templates/un-submission/profiles.yaml. It has no dateline (its first block says
 * where and when), numbers its paragraphs when the profile asks, and has a Word file.
 */
import type { Root } from 'mdast';
import { wrapText } from '../../markdown/text/index.ts';
import type { Organization } from '../../sources/schema.ts';
import type { Statement } from '../../sources/statement.ts';
import type { Kind } from '../kind.ts';
import { submissionSchema } from './fields.ts';
import { paragraphNumbers } from './number-paragraphs.ts';
import { loadProfiles, PROFILES_FILE } from './profiles.ts';
import { submissionHeading } from './submission-heading.ts';
import { checkSubmission, NAME, submissionOf } from './submission.ts';
import { supportersNote } from './supporters-note.ts';

export const unSubmission: Kind = {
  name: NAME,
  fields: { submission: submissionSchema },
  dateline: false,
  async loadSettings(readFile) {
    const text = await readFile(PROFILES_FILE);
    if (text === undefined) {
      return { settings: new Map(), diagnostics: [{ file: PROFILES_FILE, line: 1, column: 1, severity: 'error', rule: 'missing-profiles', message: 'the submission profiles file is missing', hint: `restore ${PROFILES_FILE} (it lists the UN word limits and layouts)` }] };
    }
    const loaded = loadProfiles(PROFILES_FILE, text);
    return { settings: loaded.profiles, diagnostics: loaded.diagnostics };
  },
  check: checkSubmission,
  transform(body, statement) {
    return submissionOf(statement).profile.numberParagraphs ? numberParagraphs(body) : body;
  },
  view(statement, organization, strings) {
    return { submission: submissionParts(statement, organization, strings) };
  },
  textParts(statement, organization, width) {
    const note = supportersNote(submissionOf(statement).fields.supporters ?? [], statement.lang);
    return {
      submissionHeading: submissionHeading(statement, organization.name).map((line) => wrapText(line, width)).join('\n'),
      ...(note ? { supportersNote: wrapText(`* ${note}`, width, { indent: '  ' }) } : {}),
    };
  },
  wordDocument(statement, organization, body, options) {
    const { profile: p, fields } = submissionOf(statement);
    const note = supportersNote(fields.supporters ?? [], statement.lang);
    return {
      title: statement.title,
      lang: statement.lang,
      author: organization.name,
      date: options.date,
      font: p.font,
      fontSize: p.fontSize,
      titleBold: p.titleBold,
      paper: 'A4',
      heading: submissionHeading(statement, organization.name),
      ...(note ? { titleNote: note } : {}),
      body,
      numbered: p.numberParagraphs ? paragraphNumbers(body) : new Map(),
      numberPages: p.numberPages,
      ...(options.pageLabel ? { pageLabel: options.pageLabel } : {}),
      ...(options.mark ? { mark: options.mark } : {}),
    };
  },
  starter(settings) {
    const profiles = [...((settings as ReadonlyMap<string, unknown> | undefined)?.keys() ?? [])];
    return [
      'submission:',
      `  profile: hrc-written-statement   # the rules that apply: one of ${profiles.join(', ') || 'the entries'} of templates/un-submission/profiles.yaml`,
      '  body: Human Rights Council       # the UN body the statement goes to',
      '  session: 55                      # the session number (or its name)',
      '  agenda_item: 4                   # the agenda item (1-10); for the UPR or a treaty body, write instead: country: Pakistan',
      '  status: general                  # your organisation\'s ECOSOC consultative status: general, special or roster',
      '  # submitters:                    # co-submitting organisations and their status (a joint statement)',
      '  #   - { name: Example Rights Watch, status: special }',
      '  # supporters: [Example Network]  # organisations without status that share the views (named in a note to the title)',
    ];
  },
  starterText: 'Write the statement here. Its paragraphs are numbered when the profile asks; the first block above the title is made from the submission fields.',
  summary(statement) {
    const s = submissionOf(statement);
    return { file: statement.file, words: s.words.total, ...(s.words.limit !== undefined ? { limit: s.words.limit } : {}), profile: s.profile.id, status: s.fields.status, joint: s.joint };
  },
};

/** What the templates of a submission show above the title, and the title's footnote. */
function submissionParts(s: Statement, org: Organization, strings: Record<string, string>) {
  const sub = submissionOf(s);
  const n = new Intl.NumberFormat('en');
  return {
    heading: submissionHeading(s, org.name),
    supportersNote: supportersNote(sub.fields.supporters ?? [], s.lang),
    profileName: sub.profile.name,
    numberPages: sub.profile.numberPages,
    wordCount: `${n.format(sub.words.total)}${sub.words.limit !== undefined ? ` of ${n.format(sub.words.limit)}` : ''} words (${sub.profile.id}, ${sub.fields.status} status${sub.joint ? ', joint' : ''})`,
    font: sub.profile.font,
    fontSize: sub.profile.fontSize,
    pageOf: strings.page_of,
  };
}

/** A copy of the body whose numbered paragraphs start with their number ("1. "). */
function numberParagraphs(body: Root): Root {
  const copy = structuredClone(body);
  for (const [paragraph, n] of paragraphNumbers(copy)) {
    paragraph.children.unshift(
      { type: 'emphasis', data: { hName: 'span', hProperties: { className: ['para-number'] } }, children: [{ type: 'text', value: `${n}.` }] },
      { type: 'text', value: ' ' },
    );
  }
  return copy;
}
