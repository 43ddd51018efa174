/**
 * The representative set of pages that axe-core checks (accessibility.browser.test.ts): every
 * kind, left to right and right to left, each page at a desktop and a phone width, for the
 * newsroom index, the statement page, the email a press release is sent as, and the preview's
 * proof page. Two projects make them: one whose organisation writes left to right (English) and
 * one that writes right to left (Arabic); each holds a statement of every kind in both directions,
 * with every Markdown construct the renderers handle. representative.test.ts fails when a template
 * of templates/ has no page here (or no proof check that reads its output).
 */
import { statement } from '../support/project.ts';

export type Direction = 'ltr' | 'rtl';
export type Kind = 'press-release' | 'un-submission';
export type ProjectName = 'ltr' | 'rtl';

/** What a page shows, and where it comes from. */
export type PageKind =
  /** dist/index.html: templates/newsroom/index.hbs. */
  | 'index'
  /** dist/<folder>/index.html: templates/<kind>/page.hbs. */
  | 'statement'
  /** dist/<folder>/email.html, the HTML part of the email: templates/<kind>/email.hbs. */
  | 'email'
  /** /__clarion/proof/<folder>/ in the preview: src/preview/proof-page.ts, around the statement page. */
  | 'proof'
  /** /__clarion/ in the preview: the list of proofs. */
  | 'proof-index';

export interface RepresentativePage {
  page: PageKind;
  project: ProjectName;
  /** The page's direction: that of its statement, or of the organisation for the index. */
  dir: Direction;
  /** The statement's kind (every page but the indexes). */
  kind?: Kind;
  /** The page's path on the preview server. */
  path: string;
  /** What a failure names. */
  label: string;
}

interface FixtureStatement {
  project: ProjectName;
  file: string;
  /** The output folder: the slug, or `<slug>/<lang>` for a translation. */
  folder: string;
  kind: Kind;
  lang: string;
  dir: Direction;
  /** The pages of this statement in the set. */
  pages: ('statement' | 'email' | 'proof')[];
  /** Under embargo when the set is built. */
  embargoed?: boolean;
  source: string;
}

/** Every construct the Markdown renderers handle, in the statement's own words around it. */
function body(words: { paragraph: string; heading: string; item: string; quote: string; note: string; caption: string }): string {
  return `${words.paragraph} [${words.item}](https://example.org/report).[^1]

## ${words.heading}

- ${words.item} *${words.item}* **${words.item}** \`code\`
- [${words.item}](https://example.org/list) ~~${words.item}~~

1. ${words.item}
2. ${words.item}

> ${words.quote}

| ${words.heading} | 2023 |
| --- | ---: |
| ${words.item} | 40 |
| ${words.item} | 12 |

![${words.caption}](square.png)

---

- [x] ${words.item}
- [ ] ${words.item}

${words.paragraph}[^2]

[^1]: ${words.note} <https://example.org/note>
[^2]: ${words.note}
`;
}

const ENGLISH = {
  paragraph: 'Forty places of worship were desecrated in 2023, and those responsible were rarely brought to justice, according to the report',
  heading: 'What the Council can do',
  item: 'Protect every place of worship',
  quote: 'The attacks do not happen in a vacuum.',
  note: 'Supreme Court of Pakistan, PLD 2014 SC 699.',
  caption: 'A map of the attacks',
};
const URDU = {
  paragraph: 'جماعتِ احمدیہ مسلمہ نے ایک سرکاری بیان میں اس تشدد کی مذمت کی ہے، رپورٹ کے مطابق',
  heading: 'عالمی برادری کیا کر سکتی ہے',
  item: 'عبادت گاہوں کا تحفظ',
  quote: 'یہ سلسلہ فوری طور پر رکنا چاہیے۔',
  note: 'سپریم کورٹ آف پاکستان، PLD 2014 SC 699۔',
  caption: 'حملوں کا نقشہ',
};
const ARABIC = {
  paragraph: 'تعرضت أربعون دار عبادة للتدنيس في عام 2023، ونادراً ما قُدّم المسؤولون إلى العدالة، بحسب التقرير',
  heading: 'ما يستطيع المجلس فعله',
  item: 'حماية كل دور العبادة',
  quote: 'هذه الاعتداءات لا تحدث من فراغ.',
  note: 'المحكمة العليا في باكستان، PLD 2014 SC 699.',
  caption: 'خريطة الاعتداءات',
};

const ORGANIZATION = (lang: string) => `name: Fixture Rights Office
website: https://press.example.org/
lang: ${lang}
about: The Fixture Rights Office speaks for an example community. It exists only in tests.
contacts:
  - name: A. Example
    role: Press Secretary
    email: press@example.org
    phone: +44 20 7946 0000
  - name: B. Example
    role: Out-of-hours media line
    phone: +44 20 7946 0999
timezone: Europe/London
`;

const release = (front: Record<string, unknown>, words: typeof ENGLISH) =>
  statement({ date: '2023-11-27', location: 'Kotli, Pakistan', summary: 'A summary of the release.', tags: ['Pakistan', 'freedom of religion'], notes: ['A note to editors with a [link](https://example.org/note).'], organizations: ['Example Rights Watch'], ...front }, body(words));

const submission = (front: Record<string, unknown>, words: typeof ENGLISH) =>
  statement(
    {
      date: '2024-02-09',
      kind: 'un-submission',
      summary: 'A summary of the submission.',
      submission: { profile: 'hrc-written-statement', body: 'Human Rights Council', session: 55, agenda_item: 4, status: 'general', supporters: ['Example Freedom of Belief Network'] },
      ...front,
    },
    body(words),
  );

export const STATEMENTS: FixtureStatement[] = [
  { project: 'ltr', file: 'statements/release/en.md', folder: 'release', kind: 'press-release', lang: 'en', dir: 'ltr', pages: ['statement', 'email', 'proof'], source: release({ title: 'Forty places of worship desecrated in 2023', subtitle: 'The community asks the Council to act' }, ENGLISH) },
  { project: 'ltr', file: 'statements/release/ur.md', folder: 'release/ur', kind: 'press-release', lang: 'ur', dir: 'rtl', pages: ['statement', 'email', 'proof'], source: release({ title: 'پاکستان میں عبادت گاہوں کی بے حرمتی', lang: 'ur', location: 'ربوہ، پاکستان' }, URDU) },
  { project: 'ltr', file: 'statements/submission-en.md', folder: 'submission-en', kind: 'un-submission', lang: 'en', dir: 'ltr', pages: ['statement', 'proof'], source: submission({ title: 'Pakistan must protect places of worship' }, ENGLISH) },
  { project: 'ltr', file: 'statements/submission-ar.md', folder: 'submission-ar', kind: 'un-submission', lang: 'ar', dir: 'rtl', pages: ['statement', 'proof'], source: submission({ title: 'على باكستان أن تحمي دور العبادة', lang: 'ar' }, ARABIC) },
  // The banner and the embargo line of a statement not yet released.
  { project: 'ltr', file: 'statements/embargoed.md', folder: 'embargoed', kind: 'press-release', lang: 'en', dir: 'ltr', embargoed: true, pages: ['statement', 'email'], source: release({ title: 'A statement under embargo', embargo: '2099-01-01T09:00 Asia/Karachi' }, ENGLISH) },
  { project: 'rtl', file: 'statements/release.md', folder: 'release', kind: 'press-release', lang: 'ar', dir: 'rtl', pages: ['statement', 'email'], source: release({ title: 'تدنيس أربعين دار عبادة في عام 2023', location: 'كوتلي، باكستان' }, ARABIC) },
  { project: 'rtl', file: 'statements/submission.md', folder: 'submission', kind: 'un-submission', lang: 'ar', dir: 'rtl', pages: ['statement'], source: submission({ title: 'على باكستان أن تحمي دور العبادة' }, ARABIC) },
  { project: 'rtl', file: 'statements/release-en.md', folder: 'release-en', kind: 'press-release', lang: 'en', dir: 'ltr', pages: [], source: release({ title: 'An English release in an Arabic newsroom', lang: 'en' }, ENGLISH) },
];

/** A 4×4 grey PNG, the image every statement shows. */
const SQUARE = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAQAAAAECAYAAACp8Z5+AAAAGUlEQVR4AWNsAAIGJMDEgAaYGNAAEwMaAACEVAIIK43mlwAAAABJRU5ErkJggg==', 'base64');

/** The files of a project of the set (with the repository's templates, as makeProject gives them). */
export function projectFiles(project: ProjectName): Record<string, string | Uint8Array> {
  const files: Record<string, string | Uint8Array> = { 'statements/organization.yaml': ORGANIZATION(project === 'ltr' ? 'en' : 'ar') };
  for (const s of STATEMENTS.filter((x) => x.project === project)) {
    files[s.file] = s.source;
    files[`${s.file.slice(0, s.file.lastIndexOf('/'))}/square.png`] = SQUARE;
  }
  return files;
}

export const WIDTHS = [1200, 390] as const;

/** The set: the pages axe-core checks, each at every width of WIDTHS. */
export const REPRESENTATIVE: RepresentativePage[] = [
  { page: 'index', project: 'ltr', dir: 'ltr', path: '/index.html', label: 'newsroom index, left to right' },
  { page: 'index', project: 'rtl', dir: 'rtl', path: '/index.html', label: 'newsroom index, right to left (Arabic organisation)' },
  { page: 'proof-index', project: 'ltr', dir: 'ltr', path: '/__clarion/', label: 'list of proofs' },
  ...STATEMENTS.flatMap((s) =>
    s.pages.map((page): RepresentativePage => {
      const path = page === 'statement' ? `/${s.folder}/index.html` : page === 'email' ? `/${s.folder}/email.html` : `/__clarion/proof/${s.folder}/`;
      return { page, project: s.project, dir: s.dir, kind: s.kind, path, label: `${page} page of ${s.file} (${s.kind}, ${s.lang}, ${s.dir}${s.embargoed ? ', under embargo' : ''}) in the ${s.project} project` };
    }),
  ),
];

/**
 * Defects known today, each found by these tests in code outside them: a page of the set must show
 * exactly these (an axe-core rule, or `dir` for a page whose direction is wrong), so a new defect
 * fails, and so does a fixed one until it is removed from here.
 */
export const KNOWN: { page: PageKind; dir?: Direction; problem: string; where: string }[] = [];
