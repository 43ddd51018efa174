/**
 * `clarion import file.docx`, at its edges: reads the Word document, the organisation's language
 * and time zone and the slugs in use, converts (convert-docx.ts, pure), and writes the statement
 * (statements/<slug>.md, or --out) and its pictures (images/ beside it) through write-atomic.
 * Never overwrites a file.
 */
import { existsSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { listKinds, ORGANIZATION_FILE, STATEMENTS_DIR } from '../sources/load-statements.ts';
import { languageTagProblem } from '../sources/explain-language-tag.ts';
import { parseOrganization } from '../sources/parse-organization.ts';
import { distinctSlug, slugFor } from '../sources/slug.ts';
import { slugsInUse } from '../new-statement.ts';
import { suggest } from '../util/suggest.ts';
import { writeAtomic } from '../write/write-atomic.ts';
import { convertDocx, type ConvertedDocx } from './convert-docx.ts';
import { ImportError, quote, type Finding } from './finding.ts';
import { chooseLanguage } from './guess-language.ts';
import { placeImages } from './place-images.ts';
import { statementDate, statementText } from './statement-text.ts';
import { cleanLine } from './take-leading.ts';

export interface ImportOptions {
  /** The Word document, relative to the project (or absolute). */
  file: string;
  kind: string;
  lang?: string;
  /** Where to write the statement, relative to the project; default statements/<slug>.md. */
  out?: string;
  /** Now, for a document that gives no date. */
  today: Date;
}

export interface ImportResult {
  /** The statement and the pictures written, relative to the project. */
  written: string[];
  findings: Finding[];
}

const MAX_SLUG = 80;
const MAX_BYTES = 100 * 1024 * 1024;

export async function importFile(root: string, options: ImportOptions): Promise<ImportResult> {
  await checkKind(root, options.kind);
  const langProblem = options.lang === undefined ? undefined : languageTagProblem(options.lang, `--lang "${options.lang}"`, (tag) => `use --lang ${tag}`);
  if (langProblem?.severity === 'error') throw new ImportError(langProblem.message, langProblem.hint);
  const name = path.basename(options.file);
  const converted = await convertDocx(await readDocument(root, options.file), name);
  const org = await readFile(path.join(root, ORGANIZATION_FILE)).then((bytes) => parseOrganization(ORGANIZATION_FILE, bytes).organization, () => undefined);
  const { title, finding: titleFinding } = chooseTitle(converted, name);
  const target = options.out ?? (await chooseFile(root, title));
  if (existsSync(path.resolve(root, target))) throw new ImportError(`${target} already exists`, 'import into another file with --out statements/<name>.md, or move that file away first');
  const date = statementDate(converted.properties, options.today, org?.timezone ?? 'UTC');
  const language = chooseLanguage({ ...(options.lang !== undefined ? { given: options.lang } : {}), ...(converted.properties.language ? { property: converted.properties.language } : {}), text: converted.text, organization: org?.lang ?? 'en' });

  const folder = path.dirname(path.resolve(root, target));
  const base = path.basename(target).replace(/\.md$/i, '');
  const images = placeImages(converted.tree, converted.images, (n, ext) => freeName(folder, `images/${base}-${n}`, ext));
  const text = statementText({
    title,
    ...(converted.subtitle ? { subtitle: converted.subtitle } : {}),
    date: date.date,
    kind: options.kind,
    ...(language.lang ? { lang: language.lang } : {}),
    tree: converted.tree,
  });
  const written: string[] = [];
  for (const image of images.files) written.push(path.relative(root, await writeAtomic(folder, image.path, image.bytes)));
  written.unshift(path.relative(root, await writeAtomic(folder, path.basename(target), text)));
  const findings = [titleFinding, date.finding, language.finding, ...converted.findings, ...images.findings].filter((f): f is Finding => f !== undefined);
  return { written: written.map((f) => f.split(path.sep).join('/')), findings };
}

async function checkKind(root: string, kind: string): Promise<void> {
  const kinds = await listKinds(root);
  if (kinds.includes(kind)) return;
  const guess = suggest(kind, kinds);
  throw new ImportError(`there is no template folder for kind "${kind}"`, `use one of: ${kinds.join(', ')}${guess ? ` (did you mean "${guess}"?)` : ''}`);
}

async function readDocument(root: string, file: string): Promise<Uint8Array> {
  const full = path.resolve(root, file);
  const info = await stat(full).catch((error: NodeJS.ErrnoException) => error);
  if (info instanceof Error) {
    if (info.code === 'ENOENT' || info.code === 'ENOTDIR') throw new ImportError(`${file} does not exist`, 'check the file name and its folder (put the name in quotes if it has spaces)');
    throw new ImportError(`${file} cannot be opened (${info.code ?? info.message})`, 'check that you may read it, or copy it somewhere else and import the copy');
  }
  if (info.isDirectory()) throw new ImportError(`${file} is a folder`, 'give the Word document itself, e.g. clarion import "drafts/Press release.docx"');
  if (info.size > MAX_BYTES) throw new ImportError(`${file} is larger than 100 MB`, 'make its pictures smaller in Word (Picture Format > Compress Pictures), save it, and import it again');
  return readFile(full).catch((error: NodeJS.ErrnoException) => {
    throw new ImportError(`${file} cannot be read (${error.code ?? error.message})`, 'check that you may read it, or copy it somewhere else and import the copy');
  });
}

/** The document's title, else one from the file name; said when it is a guess. */
function chooseTitle(converted: ConvertedDocx, name: string): { title: string; finding?: Finding } {
  const from = converted.title?.from;
  if (converted.title && from !== 'heading' && from !== 'paragraph') return { title: converted.title.text };
  if (converted.title) {
    const what = `the title ${quote(converted.title.text)} was taken from the document's first ${from === 'heading' ? 'heading' : 'line'}, and left out of the text`;
    return { title: converted.title.text, finding: { what, todo: 'check title: in the front matter' } };
  }
  const title = cleanLine(name.replace(/\.[^.]*$/, '').replace(/[_]+/g, ' ')) || 'Imported statement';
  return { title, finding: { what: `the document has no title (no Title paragraph, title property or first heading), so the title is its file name, ${quote(title)}`, todo: 'write the headline in title: in the front matter' } };
}

/** statements/<slug>.md for a file no statement of the project has; the same title twice is refused. */
async function chooseFile(root: string, title: string): Promise<string> {
  const inUse = await slugsInUse(root);
  const base = slugFor(title, MAX_SLUG);
  for (const slug of [base, distinctSlug(base, title)]) {
    const file = `${STATEMENTS_DIR}/${slug}.md`;
    const owners = inUse.get(slug);
    if (!owners && !existsSync(path.join(root, file)) && !existsSync(path.join(root, STATEMENTS_DIR, slug))) return file;
    const same = owners?.find((owner) => owner.title === title);
    if (same) throw new ImportError(`${same.file} already has the title ${quote(title)}`, 'the document may have been imported before: edit that file, or import it again with --out statements/<another-name>.md');
  }
  throw new ImportError(`the file name ${base}.md is taken`, 'import with --out statements/<another-name>.md');
}

/** `stem.ext`, or `stem-2.ext`... when a file of that name exists: pictures never overwrite a file. */
function freeName(folder: string, stem: string, ext: string): string {
  for (let n = 1; ; n += 1) {
    const name = `${stem}${n === 1 ? '' : `-${n}`}.${ext}`;
    if (!existsSync(path.join(folder, name))) return name;
  }
}
