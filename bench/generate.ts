/** The benchmark's project: N statements of varied length, generated from the sample statement. */
import { cp, mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');

/** Copies the templates, the organisation and the assets into `dir` and writes `count` statements (the same ones for the same count). */
export async function generate(dir: string, count: number): Promise<void> {
  await cp(path.join(root, 'templates'), path.join(dir, 'templates'), { recursive: true });
  await mkdir(path.join(dir, 'statements'), { recursive: true });
  await cp(path.join(root, 'statements/organization.yaml'), path.join(dir, 'statements/organization.yaml'));
  await cp(path.join(root, 'statements/assets'), path.join(dir, 'statements/assets'), { recursive: true });
  const sample = await readFile(path.join(root, 'statements/ahmadi-mosques-desecrated/en.md'), 'utf8');
  const [, front, body] = sample.split(/^---$/m) as [string, string, string];
  const paragraphs = body.trim().split(/\n\n(?!>)/);
  const footnotes = paragraphs.filter((p) => p.startsWith('[^'));
  const text = paragraphs.filter((p) => !p.startsWith('[^'));
  for (let i = 0; i < count; i++) {
    await writeFile(path.join(dir, 'statements', `statement-${i + 1}.md`), statementText(front, text, footnotes, i));
  }
}

/** Lengths vary from a short note to about two pages. */
function statementText(front: string, text: string[], footnotes: string[], i: number): string {
  const take = 1 + (i % text.length);
  const repeat = 1 + (i % 3);
  const chosen = Array.from({ length: repeat }, () => text.slice(0, take)).flat();
  const fm = front
    .replace(/^title: .*$/m, `title: Statement ${i + 1} on violence against Ahmadis`)
    .replace(/^date: .*$/m, `date: 2023-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}`);
  return `---${fm}---\n\n${chosen.join('\n\n')}\n\n${footnotes.join('\n\n')}\n`;
}
