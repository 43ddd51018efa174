/**
 * `clarion new "Title"`: a new statement file with the required fields filled in and every
 * optional field as a comment, so staff never start from a blank file. It also keeps the send
 * state (`.clarion/`, which holds the press list) out of git, in the project's .gitignore.
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parse, stringify } from 'yaml';
import { DEFAULT_KIND, kindNamed } from './kinds/index.ts';
import { listKinds, ORGANIZATION_FILE, STATEMENTS_DIR, translationOf } from './sources/load-statements.ts';
import { findSources } from './sources/find-sources.ts';
import { splitFrontMatter } from './sources/split-front-matter.ts';
import { distinctSlug, fileSlug, slugFor } from './sources/slug.ts';
import { parseOrganization } from './sources/parse-organization.ts';
import { languageTagProblem } from './sources/explain-language-tag.ts';
import { standardLanguageTag } from './sources/language-tag.ts';
import { TITLE_MAX } from './sources/schema.ts';
import { ignoreSendState } from './send/ignore-send-state.ts';
import { suggest } from './util/suggest.ts';
import { writeAtomic } from './write/write-atomic.ts';

export class NewStatementError extends Error {}

export interface NewStatementOptions {
  title: string;
  kind?: string;
  lang?: string;
  /** Today, as YYYY-MM-DD in the organisation's time zone. */
  today: Date;
}

/** The text of a new statement. Pure. */
export function newStatementText(options: { title: string; date: string; kind: string; lang?: string; location?: string; kindSettings?: unknown }): string {
  const kind = kindNamed(options.kind);
  const field = (name: string, value: unknown) => stringify({ [name]: value }, { lineWidth: 0 }).trimEnd();
  const lines = [
    '---',
    field('title', options.title),
    '# subtitle: One line that adds to the headline',
    field('date', options.date),
    '# embargo: 2023-11-28T09:00 Europe/London   (not for publication before this moment)',
    '# location: City, Country',
    '# summary: One or two sentences for listings, search engines and social media (300 characters at most).',
    '# tags: [human rights, freedom of religion]',
    ...(options.kind !== DEFAULT_KIND ? [field('kind', options.kind)] : [`# kind: ${DEFAULT_KIND}`]),
    ...(kind.starter?.(options.kindSettings) ?? []),
    ...(options.lang ? [field('lang', options.lang)] : ['# lang: en']),
    '# contacts:            (default: the contacts in statements/organization.yaml)',
    '#   - name: A. Example',
    '#     role: Press Secretary',
    '#     email: press@example.org',
    '#     phone: +44 20 7946 0000',
    '# notes:',
    '#   - A note to editors, in Markdown.',
    '# organizations: [Co-signing Organisation]   (for joint statements)',
    '---',
    '',
    kind.starterText ?? 'Write the statement here. The dateline is added to this first paragraph.',
    '',
  ];
  return lines.join('\n');
}

export async function newStatement(root: string, options: NewStatementOptions): Promise<string> {
  const title = options.title.trim().normalize('NFC');
  if (!title) throw new NewStatementError('give the headline in quotes, e.g. clarion new "Forty mosques desecrated in 2023"');
  if ([...title].length > TITLE_MAX) throw new NewStatementError(`the headline is longer than ${TITLE_MAX} characters — shorten it`);
  const kinds = await listKinds(root);
  const kind = options.kind ?? DEFAULT_KIND;
  if (!kinds.includes(kind)) {
    const guess = suggest(kind, kinds);
    throw new NewStatementError(`there is no template folder for kind "${kind}" — use one of: ${kinds.join(', ')}${guess ? ` (did you mean "${guess}"?)` : ''}`);
  }
  const langProblem = options.lang === undefined ? undefined : languageTagProblem(options.lang, `--lang "${options.lang}"`, (tag) => `use --lang ${tag}`);
  if (langProblem?.severity === 'error') throw new NewStatementError(`${langProblem.message} — ${langProblem.hint}`);
  const org = await readFile(path.join(root, ORGANIZATION_FILE)).then((bytes) => parseOrganization(ORGANIZATION_FILE, bytes).organization, () => undefined);
  const timeZone = org?.timezone ?? 'UTC';
  const date = new Intl.DateTimeFormat('en-CA', { year: 'numeric', month: '2-digit', day: '2-digit', timeZone }).format(options.today);
  const slug = await chooseSlug(root, title);
  const file = `${STATEMENTS_DIR}/${slug}.md`;
  if (existsSync(path.join(root, file))) throw new NewStatementError(`${file} already exists — choose another headline or edit that file`);
  // The file gets the tag's standard form (--lang EN writes "lang: en").
  const wanted = options.lang === undefined ? undefined : standardLanguageTag(options.lang);
  const lang = wanted !== undefined && wanted !== org?.lang ? wanted : undefined;
  // A kind's settings name its choices (the UN profiles of the project).
  const loadSettings = kindNamed(kind).loadSettings;
  const kindSettings = loadSettings ? (await loadSettings((f) => readFile(path.join(root, f), 'utf8').catch(() => undefined))).settings : undefined;
  await writeAtomic(root, file, newStatementText({ title, date, kind, ...(lang ? { lang } : {}), kindSettings }));
  // A .gitignore that cannot be written does not stop the statement: clarion send tries again.
  await ignoreSendState(root).catch(() => undefined);
  return file;
}

const MAX_SLUG = 80;

/**
 * The headline's slug; when another statement already has it (a different headline that
 * transliterates the same), the slug and a hash of this headline. The same headline again is
 * refused, naming the file it is in.
 */
async function chooseSlug(root: string, title: string): Promise<string> {
  const inUse = await slugsInUse(root);
  const base = slugFor(title, MAX_SLUG);
  for (const slug of [base, distinctSlug(base, title)]) {
    const owners = inUse.get(slug);
    if (!owners) return slug;
    const same = owners.find((owner) => owner.title === title);
    if (same) throw new NewStatementError(`${same.file} already exists — choose another headline or edit that file`);
  }
  throw new NewStatementError(`the slug ${base} is taken — choose another headline`);
}

/** Every slug the project's statements use (from file and folder names, and "slug:" lines), with their files and titles. */
export async function slugsInUse(root: string): Promise<Map<string, { file: string; title?: string }[]>> {
  const files = existsSync(path.join(root, STATEMENTS_DIR)) ? await findSources(root, [STATEMENTS_DIR]) : [];
  const inUse = new Map<string, { file: string; title?: string }[]>();
  for (const file of files) {
    const front = await frontMatterOf(root, file);
    const title = typeof front.title === 'string' ? front.title.trim().normalize('NFC') : undefined;
    const slugs = [translationOf(file)?.slug ?? fileSlug(file), ...(typeof front.slug === 'string' ? [front.slug] : [])];
    for (const slug of slugs) inUse.set(slug, [...(inUse.get(slug) ?? []), { file, ...(title !== undefined ? { title } : {}) }]);
  }
  return inUse;
}

async function frontMatterOf(root: string, file: string): Promise<Record<string, unknown>> {
  const text = await readFile(path.join(root, file), 'utf8').catch(() => '');
  const split = splitFrontMatter(text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n'));
  if (typeof split === 'string') return {};
  try {
    const data: unknown = parse(split.yaml);
    return data !== null && typeof data === 'object' ? (data as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}
